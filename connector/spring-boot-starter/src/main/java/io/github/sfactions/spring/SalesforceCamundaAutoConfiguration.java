package io.github.sfactions.spring;

import io.github.sfactions.camunda.RecordLocksPlugin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Camunda engine defaults for the Salesforce connectors when the Camunda Spring Boot starter is
 * present (see {@link SalesforceEngineDefaultsPlugin}). The starter itself registers Camunda
 * Connect's {@code ConnectProcessEnginePlugin}, which finds the connectors through {@code
 * META-INF/services}.
 */
@AutoConfiguration(
    after = SalesforceAutoConfiguration.class,
    beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(
    name = {
      "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
      "org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin"
    })
@ConditionalOnBean(SalesforceConnectionRegistrar.class)
public class SalesforceCamundaAutoConfiguration {

  /** Turns on {@code enableExceptionsAfterUnhandledBpmnError} unless the user sets it. */
  @Bean
  @ConditionalOnMissingBean
  public SalesforceEngineDefaultsPlugin salesforceEngineDefaultsPlugin(
      SalesforceConnectionRegistrar registrar) {
    return new SalesforceEngineDefaultsPlugin(registrar);
  }

  /**
   * Concurrent actions on one record take turns and write in arrival order, unless {@code
   * sfactions.record-locks.enabled=false}.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = SalesforceProperties.PREFIX + ".record-locks",
      name = "enabled",
      matchIfMissing = true)
  public RecordLocksPlugin salesforceRecordLocksPlugin(SalesforceProperties properties) {
    RecordLocksPlugin plugin = new RecordLocksPlugin();
    plugin.setRetentionDuration(properties.getRecordLocks().getRetention());
    return plugin;
  }
}
