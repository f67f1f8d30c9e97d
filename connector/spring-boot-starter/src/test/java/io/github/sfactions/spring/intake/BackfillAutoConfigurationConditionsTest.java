package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkBackfill;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueues;
import io.github.sfactions.spring.SalesforceAutoConfiguration;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The back-fill endpoints exist only beside an enabled intake, in a servlet application whose
 * engine has the bulk queue (its {@link BulkIngestPlugin} bean); without the bulk queue or without
 * {@code sfactions-bpmn} they are not registered and the application starts as before.
 */
class BackfillAutoConfigurationConditionsTest {

  private static final String SERVLET = "sfactionsBackfillServlet";

  private static ProcessEngine engine;
  private static BulkIngestPlugin plugin;
  private static Optional<BulkQueue> previousQueue;

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SalesforceAutoConfiguration.class,
                  SegmentIntakeAutoConfiguration.class,
                  BackfillIntakeAutoConfiguration.class))
          .withBean(ProcessEngine.class, () -> engine, b -> b.setDestroyMethodName(""))
          .withPropertyValues("sfactions.intake.enabled=true", "sfactions.intake.write-key=k");

  @BeforeAll
  static void startEngineWithTheBulkQueue() {
    previousQueue = BulkQueues.current();
    plugin = new BulkIngestPlugin();
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:backfill-conditions;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("backfill-conditions");
    configuration.setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(plugin);
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
    plugin.unregister();
    previousQueue.ifPresent(BulkQueues::register);
  }

  @Test
  void anEnabledIntakeWithTheBulkQueueHasTheBackfillEndpoints() {
    web.withBean(BulkIngestPlugin.class, () -> plugin, b -> b.setDestroyMethodName(""))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(BulkBackfill.class)
                    .hasBean(SERVLET)
                    .hasBean("segmentIntakeServlet"));
  }

  @Test
  void withoutTheBulkQueueTheEndpointsAreNotRegistered() {
    web.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(SERVLET)
                .doesNotHaveBean(BulkBackfill.class)
                .hasBean("segmentIntakeServlet"));
  }

  @Test
  void withoutSfactionsBpmnOnTheClassPathTheEndpointsAreNotRegistered() {
    web.withBean(BulkIngestPlugin.class, () -> plugin, b -> b.setDestroyMethodName(""))
        .withClassLoader(new FilteredClassLoader(BulkBackfill.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SERVLET));
  }

  @Test
  void withTheIntakeOffThereAreNoBackfillEndpoints() {
    web.withBean(BulkIngestPlugin.class, () -> plugin, b -> b.setDestroyMethodName(""))
        .withPropertyValues("sfactions.intake.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SERVLET));
  }
}
