package io.github.sfactions.spring.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.spring.InvalidSalesforcePropertiesException;
import io.github.sfactions.spring.SalesforceSettingsProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code sfactions.bulk.micro-batch.*} reach the plugin (and the sweep timer's settings bean); a
 * wrong value stops the start with its property named, also in the start-up report's list.
 */
class BulkIngestPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BulkIngestAutoConfiguration.class));

  @Test
  void unsetMicroBatchPropertiesKeepThePluginsDefaults() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          MicroBatchSettings settings =
              context.getBean(BulkIngestPlugin.class).microBatchSettings();
          assertThat(settings.maxRecords()).isEqualTo(200);
          assertThat(settings.maxDelay()).isEqualTo(Duration.ofSeconds(1));
          assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(30));
          assertThat(
                  context
                      .getBean(MicroBatchVariables.SETTINGS_BEAN, MicroBatchSettings.class)
                      .getSweepCycle())
              .isEqualTo("R/PT30S");
        });
  }

  @Test
  void microBatchPropertiesMapOntoThePlugin() {
    runner
        .withPropertyValues(
            "sfactions.bulk.micro-batch.max-records=50",
            "sfactions.bulk.micro-batch.max-delay=250ms",
            "sfactions.bulk.micro-batch.sweep-interval=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MicroBatchSettings settings =
                  context.getBean(BulkIngestPlugin.class).microBatchSettings();
              assertThat(settings.maxRecords()).isEqualTo(50);
              assertThat(settings.maxDelay()).isEqualTo(Duration.ofMillis(250));
              assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(10));
              assertThat(
                      context
                          .getBean(MicroBatchVariables.SETTINGS_BEAN, MicroBatchSettings.class)
                          .getSweepCycle())
                  .isEqualTo("R/PT10S");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "max-records, 0",
    "max-records, 201",
    "max-delay, 0s",
    "max-delay, -1s",
    "max-delay, 2m",
    "sweep-interval, 500ms"
  })
  void aWrongMicroBatchValueStopsTheStartNamingItsProperty(String name, String value) {
    String property = "sfactions.bulk.micro-batch." + name;
    runner
        .withPropertyValues(property + "=" + value)
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .isInstanceOf(InvalidSalesforcePropertiesException.class)
                  .hasMessageContaining(property + " is invalid");
            });
    // the start-up report lists it with the others of the environment
    assertThat(SalesforceSettingsProblems.find(new MockEnvironment().withProperty(property, value)))
        .anySatisfy(p -> assertThat(p).startsWith(property + " is invalid"));
  }

  @Test
  void everyWrongValueIsNamedAtOnce() {
    runner
        .withPropertyValues(
            "sfactions.bulk.micro-batch.max-delay=0s",
            "sfactions.bulk.micro-batch.max-records=500",
            "sfactions.bulk.micro-batch.sweep-interval=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOfSatisfying(
                        InvalidSalesforcePropertiesException.class,
                        e ->
                            assertThat(e.problems())
                                .hasSize(3)
                                .anySatisfy(
                                    p ->
                                        assertThat(p)
                                            .startsWith("sfactions.bulk.micro-batch.max-delay"))
                                .anySatisfy(
                                    p ->
                                        assertThat(p)
                                            .startsWith("sfactions.bulk.micro-batch.max-records"))
                                .anySatisfy(
                                    p ->
                                        assertThat(p)
                                            .startsWith(
                                                "sfactions.bulk.micro-batch.sweep-interval"))));
  }

  @Test
  void bulkValuesThePluginChecksTogetherAreReportedUnderTheBulkPrefix() {
    runner
        .withPropertyValues("sfactions.bulk.max-wait=2h", "sfactions.bulk.claim-timeout=1h")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidSalesforcePropertiesException.class)
                    .hasMessageContaining("sfactions.bulk.* are invalid")
                    .hasMessageContaining("claimTimeout"));
  }

  @Test
  void aSwitchedOffBulkQueueIsNotChecked() {
    runner
        .withPropertyValues(
            "sfactions.bulk.enabled=false", "sfactions.bulk.micro-batch.max-records=0")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(BulkIngestPlugin.class);
              assertThat(SalesforceSettingsProblems.find(context.getEnvironment())).isEmpty();
            });
  }
}
