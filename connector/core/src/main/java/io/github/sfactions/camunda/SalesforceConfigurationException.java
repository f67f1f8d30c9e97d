package io.github.sfactions.camunda;

/**
 * The connector cannot run as configured: an unknown connection name, invalid connection settings,
 * a batched delivery without a registered {@link BulkQueue}. An incident, not a BPMN error: an
 * operator must fix the configuration, then retry the job.
 */
public class SalesforceConfigurationException extends SalesforceConnectorException {

  private static final long serialVersionUID = 1L;

  /** A configuration error with its explanation. */
  public SalesforceConfigurationException(String message) {
    super(message, null);
  }

  /** A configuration error caused by another exception. */
  public SalesforceConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
