package io.github.sfactions.camunda;

import io.github.sfactions.client.SalesforceApiException;
import org.camunda.connect.ConnectorRequestException;

/**
 * A technical failure of a Salesforce connector: Salesforce unavailable, limits exhausted, a timeout, a login
 * that fails, a field or object the org does not know, a misconfigured connection. Not a BPMN error: the job
 * fails, is retried with back-off and becomes an incident in Cockpit when its retries run out.
 *
 * <p>The message names the connector, the object and operation, the HTTP method and path, the status and
 * Salesforce's errorCode and message, so the incident is readable. When the client error's message is a reference
 * text (a failed login, a rejected instance URL), the context the text leaves out follows it in brackets
 * ({@link SalesforceApiException#context()}: method, path, status, flow, client id, detail). It never holds a
 * token, secret or token endpoint body.
 */
public class SalesforceConnectorException extends ConnectorRequestException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final boolean retryable;

  /** A failure with a ready message (no HTTP call involved, e.g. configuration). */
  public SalesforceConnectorException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCode = null;
    this.retryable = false;
  }

  private SalesforceConnectorException(String message, SalesforceApiException cause) {
    super(message, cause);
    this.status = cause.status();
    this.errorCode = cause.errorCode();
    this.retryable = cause.retryable();
  }

  /**
   * Wraps a client error.
   *
   * @param connectorId e.g. {@code salesforce-lead}
   * @param what the object and operation, e.g. {@code Lead upsert}
   */
  public static SalesforceConnectorException of(String connectorId, String what, SalesforceApiException cause) {
    String context = cause.context();
    String message = connectorId + " (" + what + ") failed"
        + (cause.retryable() ? " (retryable)" : "") + ": " + cause.getMessage()
        + (context.isEmpty() ? "" : " [" + context + "]");
    return new SalesforceConnectorException(message, cause);
  }

  /** HTTP status of the failed call; 0 when no response arrived or no call was made. */
  public int status() {
    return status;
  }

  /** Salesforce's errorCode, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** True when retrying later may succeed (5xx, 429, timeouts, request limit, row lock). */
  public boolean retryable() {
    return retryable;
  }
}
