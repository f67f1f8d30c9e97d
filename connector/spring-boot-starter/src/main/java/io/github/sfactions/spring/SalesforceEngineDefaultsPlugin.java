package io.github.sfactions.spring;

import io.github.sfactions.camunda.FailedJobHandling;
import io.github.sfactions.spring.impl.SpringLogger;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.core.Ordered;

/**
 * Engine defaults the Salesforce connectors need in a Spring Boot application.
 *
 * <p>{@code enableExceptionsAfterUnhandledBpmnError = true}: a connector's BPMN error ({@code 300}
 * several matches, {@code 404} no match, {@code 400} rejected) that no boundary or event
 * sub-process catches then fails the job (retries, then an incident in Cockpit) instead of silently
 * ending the process instance as if the record had been written.
 *
 * <p>Failed-job handling (see {@link io.github.sfactions.camunda.SalesforceConnectorPlugin}): a
 * Salesforce failure that a retry cannot fix becomes an incident at once, a retryable one keeps the
 * retry cycle, and each failed attempt logs one line instead of stack traces. The starter's
 * failed-job command factory is wrapped, not replaced.
 *
 * <p>The user's value wins: this plugin runs before the Camunda starter applies {@code
 * camunda.bpm.generic-properties.properties.*} (order {@code -1}) and before every plugin bean of
 * default order, so {@code
 * camunda.bpm.generic-properties.properties.enable-exceptions-after-unhandled-bpmn-error: false} or
 * a plugin of one's own switches it off again.
 */
public class SalesforceEngineDefaultsPlugin implements ProcessEnginePlugin, Ordered {

  /** Runs before Camunda's {@code GenericPropertiesConfiguration} ({@code -1}). */
  public static final int ORDER = -2;

  private final Set<String> connectionNames;

  /**
   * A plugin for an engine whose connectors use these connections. Taking the registrar as an
   * argument makes Spring register the connections before the engine starts and remove them only
   * after it has stopped (beans are destroyed in reverse dependency order), so no job runs without
   * its connection.
   */
  public SalesforceEngineDefaultsPlugin(SalesforceConnectionRegistrar registrar) {
    this.connectionNames = registrar.registeredNames();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    FailedJobHandling.preInit(configuration);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobHandling.postInit(configuration);
    SpringLogger.engineDefaults(
        configuration.getProcessEngineName(),
        configuration.isEnableExceptionsAfterUnhandledBpmnError(),
        connectionNames);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing to do once the engine is built
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
