package io.github.sfactions.camunda;

import io.github.sfactions.camunda.impl.ConnectorLogger;
import io.github.sfactions.camunda.impl.QuietSalesforceFailures;
import io.github.sfactions.camunda.impl.RetryAwareFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * Installs the Salesforce failed-job handling into an engine configuration: {@link
 * RetryAwareFailedJobCommandFactory} around whatever factory the engine has, and {@link
 * QuietSalesforceFailures}. Called by the engine plugins (with and without Spring); idempotent, so
 * several of our plugins in one engine install it once.
 */
public final class FailedJobHandling {

  private FailedJobHandling() {}

  /**
   * From a plugin's {@code preInit}: the command context factory must be in place before the engine
   * builds its interceptors. An engine that already has its own factory keeps it (and the engine's
   * stack-trace logging).
   */
  public static void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCommandContextFactory() == null) {
      QuietSalesforceFailures.ContextFactory factory = new QuietSalesforceFailures.ContextFactory();
      // the engine only wires the factory it creates itself
      factory.setProcessEngineConfiguration(configuration);
      configuration.setCommandContextFactory(factory);
    } else if (!(configuration.getCommandContextFactory()
        instanceof QuietSalesforceFailures.ContextFactory)) {
      ConnectorLogger.ownCommandContextFactory(
          configuration.getProcessEngineName(),
          configuration.getCommandContextFactory().getClass());
    }
    QuietSalesforceFailures.installJobExecutorLogging();
  }

  /**
   * From a plugin's {@code postInit}: by then the engine (or the Spring Boot starter, or another
   * plugin) has set its failed-job command factory, which is wrapped, not replaced.
   */
  public static void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory current = configuration.getFailedJobCommandFactory();
    if (current != null && !(current instanceof RetryAwareFailedJobCommandFactory)) {
      configuration.setFailedJobCommandFactory(new RetryAwareFailedJobCommandFactory(current));
    }
  }
}
