package io.github.sfactions.camunda;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.client.SalesforceApiException;
import org.camunda.connect.ConnectorRequestException;

/**
 * A technical failure of a Salesforce connector: Salesforce unavailable, limits exhausted, a
 * timeout, a login that fails, a field or object the org does not know, a misconfigured connection.
 * Not a BPMN error: the job fails, is retried with back-off and becomes an incident in Cockpit when
 * its retries run out.
 *
 * <p>The message names the connector, the object and operation, the HTTP method and path, the
 * status and Salesforce's errorCode and message, so the incident is readable. When the client
 * error's message is a reference text (a failed login, a rejected instance URL), the context the
 * text leaves out follows it in brackets ({@link SalesforceApiException#context()}: method, path,
 * status, flow, client id, detail). It never holds a token, secret or token endpoint body.
 *
 * <p>{@link #retryable()} decides the job's fate: the engine plugins' failed-job handling gives a
 * non-retryable failure no further attempt (retries 0, an incident at once) and a retryable one the
 * configured retry cycle.
 */
public class SalesforceConnectorException extends ConnectorRequestException {

  private static final long serialVersionUID = 1L;

  private final String connectorId;
  private final String action;
  private final int status;
  private final String errorCode;
  private final boolean retryable;

  /** A failure with a ready message (no HTTP call involved, e.g. configuration): not retryable. */
  public SalesforceConnectorException(String message, Throwable cause) {
    this(message, cause, null, null, 0, null, false);
  }

  private SalesforceConnectorException(
      String message,
      Throwable cause,
      String connectorId,
      String action,
      int status,
      String errorCode,
      boolean retryable) {
    super(message, cause);
    this.connectorId = connectorId;
    this.action = action;
    this.status = status;
    this.errorCode = errorCode;
    this.retryable = retryable;
  }

  private SalesforceConnectorException(
      String message, SalesforceApiException cause, String connectorId, String action) {
    this(message, cause, connectorId, action, cause.status(), cause.errorCode(), cause.retryable());
  }

  /**
   * Wraps a client error.
   *
   * @param connectorId e.g. {@code salesforce-lead}
   * @param what the object and operation, e.g. {@code Lead upsert}
   */
  public static SalesforceConnectorException of(
      String connectorId, String what, SalesforceApiException cause) {
    String context = cause.context();
    String message =
        connectorId
            + " ("
            + what
            + ") failed"
            + (cause.retryable() ? " (retryable)" : "")
            + ": "
            + cause.getMessage()
            + (context.isEmpty() ? "" : " [" + context + "]");
    return new SalesforceConnectorException(message, cause, connectorId, what);
  }

  /**
   * An input or record the action rejected ({@link ActionException}) that no BPMN error handler
   * takes: the same data fails the same way again, so it is not retryable.
   *
   * @param message the readable message (connector, object and operation, the action's message and
   *     code)
   */
  public static SalesforceConnectorException rejected(
      String connectorId, String what, String message, ActionException cause) {
    String code = cause.salesforceErrorCode() != null ? cause.salesforceErrorCode() : cause.code();
    return new SalesforceConnectorException(
        message, cause, connectorId, what, cause.status(), code, false);
  }

  /**
   * A failure of unknown kind (an interceptor's or a library's exception): retried like a technical
   * failure, since nothing says that a retry cannot help.
   */
  public static SalesforceConnectorException unexpected(
      String connectorId, String what, RuntimeException cause) {
    return new SalesforceConnectorException(
        connectorId + " (" + what + ") failed: " + cause, cause, connectorId, what, 0, null, true);
  }

  /**
   * Id of the connector that failed (e.g. {@code salesforce-lead}); null for configuration
   * failures.
   */
  public String connectorId() {
    return connectorId;
  }

  /**
   * The object and operation as the connector names them (e.g. {@code Lead upsert}); null when
   * unknown.
   */
  public String action() {
    return action;
  }

  /**
   * HTTP status of the failed call, or the action's status ({@code 300}, {@code 400}, {@code 404})
   * of a rejection; 0 when no response arrived or no call was made.
   */
  public int status() {
    return status;
  }

  /** Salesforce's errorCode, or null. */
  public String errorCode() {
    return errorCode;
  }

  /**
   * True when retrying later may succeed (5xx, 429, timeouts, request limit, row lock, failures of
   * unknown kind); false for rejected input or records, validation errors, bad credentials and
   * configuration errors.
   */
  public boolean retryable() {
    return retryable;
  }
}
