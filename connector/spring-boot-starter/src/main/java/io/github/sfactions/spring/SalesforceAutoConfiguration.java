package io.github.sfactions.spring;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.spring.impl.ApiUsageTracker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the Salesforce connections of {@code sfactions.connections.*} for the connectors (see
 * {@link SalesforceProperties}). Active when the Camunda engine is on the class path (the
 * connections serve connectors running in it); the Camunda engine settings, health indicator,
 * metrics, event intake and bulk queue have auto-configurations of their own. Each bean gives way
 * to one of the application's own type.
 */
@AutoConfiguration(beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(name = "org.camunda.bpm.engine.ProcessEngine")
@EnableConfigurationProperties(SalesforceProperties.class)
public class SalesforceAutoConfiguration {

  /**
   * The registry the connectors read: the JVM-global one. Not closed with the context: other
   * contexts in the JVM may use it; the registrar removes (and so closes) exactly the connections
   * it registered.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public SalesforceConnections salesforceConnections() {
    return SalesforceConnections.global();
  }

  /**
   * Validates {@code sfactions.connections.*} and registers them; removes them when the context
   * closes.
   */
  @Bean
  @ConditionalOnMissingBean
  public SalesforceConnectionRegistrar salesforceConnectionRegistrar(
      SalesforceProperties properties, SalesforceConnections connections) {
    return new SalesforceConnectionRegistrar(properties, connections);
  }

  /** The latest daily API usage per connection (for the health indicator and the gauges). */
  @Bean
  @ConditionalOnMissingBean
  public ApiUsageTracker salesforceApiUsageTracker(SalesforceConnections connections) {
    return new ApiUsageTracker(connections);
  }
}
