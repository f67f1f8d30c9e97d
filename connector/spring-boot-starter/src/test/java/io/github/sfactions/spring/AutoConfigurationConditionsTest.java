package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkIngestExpressions;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.spring.bulk.BulkIngestAutoConfiguration;
import io.github.sfactions.spring.bulk.MicroBatchMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conditions of the starter's auto-configurations (the event intake's are in {@code
 * IntakeAutoConfigurationConditionsTest}): each feature is there on a Spring Boot Camunda app's
 * class path, gives way to the application's own bean, goes when its property switches it off and
 * when the library it needs is missing.
 */
class AutoConfigurationConditionsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SalesforceAutoConfiguration.class,
                  SalesforceCamundaAutoConfiguration.class,
                  SalesforceHealthAutoConfiguration.class,
                  SalesforceMetricsAutoConfiguration.class,
                  BulkIngestAutoConfiguration.class));

  @Test
  void everyFeatureIsConfiguredOnTheClassPathOfASpringBootCamundaApp() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(SalesforceConnections.class))
              .isSameAs(SalesforceConnections.global());
          assertThat(context)
              .hasSingleBean(SalesforceConnectionRegistrar.class)
              .hasSingleBean(SalesforceEngineDefaultsPlugin.class)
              .hasSingleBean(SalesforceHealthIndicator.class)
              .hasSingleBean(SalesforceMetrics.class)
              .hasSingleBean(BulkIngestPlugin.class)
              .hasBean(BulkIngestVariables.SETTINGS_BEAN)
              .hasBean(MicroBatchVariables.SETTINGS_BEAN)
              .hasSingleBean(MicroBatchMetrics.class);
        });
  }

  @Test
  void theApplicationsOwnBeansReplaceOurs() {
    runner
        .withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SalesforceConnections.class))
                  .isSameAs(context.getBean(OwnBeans.class).connections);
              assertThat(context.getBean(SalesforceConnectionRegistrar.class))
                  .isSameAs(context.getBean(OwnBeans.class).registrar);
              assertThat(context.getBean("salesforceHealthIndicator"))
                  .isNotInstanceOf(SalesforceHealthIndicator.class);
              assertThat(context).doesNotHaveBean(SalesforceHealthIndicator.class);
              assertThat(context.getBean(BulkIngestPlugin.class).settings().batchSize())
                  .isEqualTo(7);
              // our settings bean describes the application's plugin
              assertThat(
                      context
                          .getBean(BulkIngestVariables.SETTINGS_BEAN, BulkIngestExpressions.class)
                          .getFlushCycle())
                  .isEqualTo("R/PT7S");
            });
  }

  @Test
  void aFeatureSwitchedOffByItsPropertyHasNoBean() {
    runner
        .withPropertyValues(
            "sfactions.metrics.enabled=false",
            "management.health.salesforce.enabled=false",
            "sfactions.bulk.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(SalesforceConnectionRegistrar.class)
                    .doesNotHaveBean(SalesforceMetrics.class)
                    .doesNotHaveBean(SalesforceHealthIndicator.class)
                    .doesNotHaveBean(BulkIngestPlugin.class)
                    .doesNotHaveBean(BulkIngestVariables.SETTINGS_BEAN)
                    .doesNotHaveBean(MicroBatchVariables.SETTINGS_BEAN)
                    .doesNotHaveBean(MicroBatchMetrics.class));
    runner
        .withPropertyValues("sfactions.metrics.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(BulkIngestPlugin.class)
                    .doesNotHaveBean(MicroBatchMetrics.class));
    runner
        .withPropertyValues("management.health.defaults.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SalesforceHealthIndicator.class));
    runner
        .withPropertyValues(
            "management.health.defaults.enabled=false", "management.health.salesforce.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(SalesforceHealthIndicator.class));
  }

  @Test
  void aFeatureWhoseLibraryIsMissingIsNotConfigured() {
    runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(BulkIngestPlugin.class)
                    .doesNotHaveBean(MicroBatchMetrics.class));
    runner
        .withClassLoader(
            new FilteredClassLoader(
                MeterRegistry.class, HealthIndicator.class, BulkIngestPlugin.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(SalesforceConnectionRegistrar.class)
                    .hasSingleBean(SalesforceEngineDefaultsPlugin.class)
                    .doesNotHaveBean(SalesforceMetrics.class)
                    .doesNotHaveBean(SalesforceHealthIndicator.class)
                    .doesNotHaveBean(BulkIngestPlugin.class));
    // without Camunda's Spring Boot starter nothing adds plugin beans to an engine
    runner
        .withClassLoader(new FilteredClassLoader("org.camunda.bpm.spring.boot"))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(SalesforceConnectionRegistrar.class)
                    .doesNotHaveBean(SalesforceEngineDefaultsPlugin.class)
                    .doesNotHaveBean(BulkIngestPlugin.class));
  }

  @Test
  void withoutTheCamundaEngineNothingIsConfigured() {
    runner
        .withClassLoader(new FilteredClassLoader(ProcessEngine.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(SalesforceConnections.class)
                    .doesNotHaveBean(SalesforceConnectionRegistrar.class)
                    .doesNotHaveBean(SalesforceEngineDefaultsPlugin.class)
                    .doesNotHaveBean(SalesforceHealthIndicator.class)
                    .doesNotHaveBean(SalesforceMetrics.class));
  }

  /** An application that brings its own registry, registrar, health indicator and bulk plugin. */
  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {

    final SalesforceConnections connections = new SalesforceConnections();
    final SalesforceConnectionRegistrar registrar =
        new SalesforceConnectionRegistrar(new SalesforceProperties(), connections);

    @Bean
    SalesforceConnections ownConnections() {
      return connections;
    }

    @Bean
    SalesforceConnectionRegistrar ownRegistrar() {
      return registrar;
    }

    @Bean
    HealthIndicator salesforceHealthIndicator() {
      return () -> Health.up().withDetail("own", true).build();
    }

    @Bean
    BulkIngestPlugin ownBulkIngestPlugin() {
      BulkIngestPlugin plugin = new BulkIngestPlugin();
      plugin.setBatchSize(7);
      plugin.setFlushInterval("PT7S");
      return plugin;
    }
  }
}
