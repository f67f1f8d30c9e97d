package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Micrometer metrics of Spring-configured connections, over real HTTP to the emulator. */
class SalesforceMetricsTest {

  private static final SalesforceEmulator EMULATOR =
      SalesforceEmulator.builder().dailyApiLimit(700).start();

  /** A registry of its own, so that only this class's connections make calls into it. */
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(SalesforceConnections.class, SalesforceConnections::new)
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SalesforceAutoConfiguration.class,
                  SalesforceMetricsAutoConfiguration.class))
          .withPropertyValues(
              "sfactions.connections.solo.login-url=" + EMULATOR.loginUrl(),
              "sfactions.connections.solo.allow-local-instance=true",
              "sfactions.connections.solo.auth.flow=client-credentials",
              "sfactions.connections.solo.auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
              "sfactions.connections.solo.auth.client-secret="
                  + SalesforceEmulator.DEMO_CLIENT_SECRET);

  @AfterAll
  static void stopEmulator() {
    EMULATOR.close();
  }

  @BeforeEach
  void resetEmulator() {
    EMULATOR.reset();
  }

  @Test
  void callsAreCountedPerConnectionObjectOperationAndOutcomeAndTheGaugeFollowsTheLimitHeader() {
    runner.run(
        context -> {
          SalesforceConnections connections = context.getBean(SalesforceConnections.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(
                  meters
                      .find(SalesforceMetrics.REMAINING)
                      .tag("connection", "solo")
                      .gauge()
                      .value())
              .isNaN();

          connections.client("solo").create("Account", Map.of("Name", "Acme"));
          connections.client("solo").create("Account", Map.of("Name", "Globex"));
          EMULATOR
              .faults()
              .failNext(FaultType.REQUEST_LIMIT_EXCEEDED, 1, "POST", "/sobjects/Account", null);
          Assertions.assertThatThrownBy(
                  () -> connections.client("solo").create("Account", Map.of("Name", "Initech")))
              .isInstanceOf(SalesforceApiException.class);

          assertThat(
                  meters
                      .get(SalesforceMetrics.CALLS)
                      .tags(
                          "connection",
                          "solo",
                          "object",
                          "Account",
                          "operation",
                          "create",
                          "outcome",
                          "SUCCESS")
                      .counter()
                      .count())
              .isEqualTo(2);
          assertThat(
                  meters
                      .get(SalesforceMetrics.CALLS)
                      .tags(
                          "connection",
                          "solo",
                          "object",
                          "Account",
                          "operation",
                          "create",
                          "outcome",
                          "CLIENT_ERROR")
                      .counter()
                      .count())
              .isEqualTo(1);
          assertThat(
                  meters
                      .get(SalesforceMetrics.CALLS)
                      .tags(
                          "connection",
                          "solo",
                          "object",
                          SalesforceMetrics.NONE,
                          "operation",
                          "token",
                          "outcome",
                          "SUCCESS")
                      .counter()
                      .count())
              .isEqualTo(1);
          assertThat(
                  meters
                      .get(SalesforceMetrics.CALL_DURATION)
                      .tags(
                          "connection",
                          "solo",
                          "object",
                          "Account",
                          "operation",
                          "create",
                          "outcome",
                          "SUCCESS")
                      .timer()
                      .count())
              .isEqualTo(2);
          assertThat(
                  meters.get(SalesforceMetrics.REMAINING).tag("connection", "solo").gauge().value())
              .isEqualTo(700 - EMULATOR.stats().totalApiCalls());
          assertThat(meters.get(SalesforceMetrics.MAX).tag("connection", "solo").gauge().value())
              .isEqualTo(700);
        });
  }

  @Test
  void eachCallIsTaggedWithTheConnectionThatMadeItWhenSeveralAreConfigured() {
    runner
        .withPropertyValues(
            "sfactions.connections.duo.login-url=" + EMULATOR.loginUrl(),
            "sfactions.connections.duo.allow-local-instance=true",
            "sfactions.connections.duo.auth.flow=client-credentials",
            "sfactions.connections.duo.auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
            "sfactions.connections.duo.auth.client-secret=" + SalesforceEmulator.DEMO_CLIENT_SECRET)
        .run(
            context -> {
              SalesforceConnections connections = context.getBean(SalesforceConnections.class);
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(connections.names()).containsExactly("duo", "solo");

              connections.client("solo").create("Account", Map.of("Name", "Acme"));
              for (String name : new String[] {"Globex", "Initech", "Umbrella"}) {
                connections.client("duo").create("Account", Map.of("Name", name));
              }

              assertThat(createdAccounts(meters, "solo")).isEqualTo(1);
              assertThat(createdAccounts(meters, "duo")).isEqualTo(3);
              assertThat(meters.find(SalesforceMetrics.CALLS).tags("object", "Account").counters())
                  .allSatisfy(c -> assertThat(c.getId().getTag("connection")).isIn("solo", "duo"));
              assertThat(
                      meters
                          .get(SalesforceMetrics.CALLS)
                          .tags("connection", "duo", "operation", "token")
                          .counter()
                          .count())
                  .isEqualTo(1);
            });
  }

  private static double createdAccounts(MeterRegistry meters, String connection) {
    return meters
        .get(SalesforceMetrics.CALLS)
        .tags(
            "connection",
            connection,
            "object",
            "Account",
            "operation",
            "create",
            "outcome",
            "SUCCESS")
        .counter()
        .count();
  }

  @Test
  void switchedOffByProperty() {
    runner
        .withPropertyValues("sfactions.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SalesforceMetrics.class));
  }
}
