package io.github.sfactions.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
}
