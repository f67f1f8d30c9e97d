package io.github.sfactions.spring;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.spring.impl.ApiUsageTracker;
import io.github.sfactions.spring.impl.OnSalesforceHealthEnabledCondition;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code salesforce} health indicator ({@link SalesforceHealthIndicator}) when Spring Boot
 * Actuator is present and there are connections ({@link SalesforceAutoConfiguration}). Switch it
 * off with {@code management.health.salesforce.enabled=false}; a bean of the application named
 * {@code salesforceHealthIndicator} replaces it.
 */
@AutoConfiguration(
    after = SalesforceAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SalesforceConnections.class)
@Conditional(OnSalesforceHealthEnabledCondition.class)
public class SalesforceHealthAutoConfiguration {

  /** The indicator; its bean name makes it {@code salesforce} in {@code /actuator/health}. */
  @Bean(name = "salesforceHealthIndicator")
  @ConditionalOnMissingBean(name = "salesforceHealthIndicator")
  public SalesforceHealthIndicator salesforceHealthIndicator(
      SalesforceConnections connections, ApiUsageTracker usage, SalesforceProperties properties) {
    return new SalesforceHealthIndicator(
        connections, usage, properties.getHealth().getCacheTimeToLive());
  }
}
