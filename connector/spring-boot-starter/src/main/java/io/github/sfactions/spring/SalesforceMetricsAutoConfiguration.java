package io.github.sfactions.spring;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.spring.impl.ApiUsageTracker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the Salesforce API calls ({@link SalesforceMetrics}) when Micrometer is
 * present and there are connections ({@link SalesforceAutoConfiguration}); Spring Boot binds the
 * {@link io.micrometer.core.instrument.binder.MeterBinder} to the application's meter registry.
 * Switch them off with {@code sfactions.metrics.enabled=false}.
 */
@AutoConfiguration(
    after = SalesforceAutoConfiguration.class,
    beforeName = "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(SalesforceConnections.class)
@ConditionalOnProperty(prefix = "sfactions.metrics", name = "enabled", matchIfMissing = true)
public class SalesforceMetricsAutoConfiguration {

  /** The meter binder; it stops listening when the context closes. */
  @Bean
  @ConditionalOnMissingBean
  public SalesforceMetrics salesforceMetrics(
      SalesforceConnections connections, ApiUsageTracker usage) {
    return new SalesforceMetrics(connections, usage);
  }
}
