package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.camunda.SalesforceConnectorException;
import io.github.sfactions.camunda.SalesforceErrorCodes;
import io.github.sfactions.client.SalesforceApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * Business outcomes become BPMN errors (code = status: 300, 400, 404) with the reference's message;
 * the error's details are set as process variables first, because a BPMN error thrown by a
 * connector cannot carry output mappings. A business outcome that no error event of the model
 * catches, and everything else, becomes a {@link SalesforceConnectorException}: retried when {@link
 * SalesforceConnectorException#retryable()}, else an incident at once.
 */
public final class ErrorMapping {

  private ErrorMapping() {}

  /**
   * The exception to throw for a failure of {@code connectorId} doing {@code what} (e.g. "Lead
   * upsert").
   */
  public static RuntimeException map(String connectorId, String what, RuntimeException failure) {
    if (failure instanceof BpmnError || failure instanceof SalesforceConnectorException) {
      return failure;
    }
    if (failure instanceof ActionException e) {
      String message = failedMessage(connectorId, what, e);
      if (!isBusiness(e)) {
        return SalesforceConnectorException.rejected(connectorId, what, message, e);
      }
      String errorCode = String.valueOf(e.status());
      return ErrorHandlers.uncaughtInConnectorActivity(errorCode)
          ? SalesforceConnectorException.rejected(
              connectorId,
              what,
              message
                  + "; no error boundary event or event"
                  + " sub-process catches BPMN error "
                  + errorCode,
              e)
          : bpmnError(e);
    }
    if (failure instanceof SalesforceApiException e) {
      return SalesforceConnectorException.of(connectorId, what, e);
    }
    return SalesforceConnectorException.unexpected(connectorId, what, failure);
  }

  /**
   * What a step that raises a queued record's business outcome throws: the BPMN error the action
   * connector would have thrown over REST, or, when nothing in the model catches it, a failure that
   * becomes an incident at once (as the connector's).
   */
  public static RuntimeException outcome(String connectorId, String what, ActionException e) {
    String errorCode = String.valueOf(e.status());
    if (!isBusiness(e) || ErrorHandlers.uncaughtInCurrentActivity(errorCode)) {
      return SalesforceConnectorException.rejected(
          connectorId,
          what,
          failedMessage(connectorId, what, e)
              + (isBusiness(e)
                  ? "; no error boundary event or event sub-process catches BPMN error " + errorCode
                  : ""),
          e);
    }
    return bpmnError(e);
  }

  /** "connector (what) failed: message [code, status N]": the reference's message with context. */
  private static String failedMessage(String connectorId, String what, ActionException e) {
    return connectorId
        + " ("
        + what
        + ") failed: "
        + e.getMessage()
        + " ["
        + e.code()
        + ", status "
        + e.status()
        + "]";
  }

  private static boolean isBusiness(ActionException e) {
    return e.status() == 300 || e.status() == 400 || e.status() == 404;
  }

  private static BpmnError bpmnError(ActionException e) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(SalesforceErrorCodes.VAR_ERROR_CODE, e.code());
    if (e.matchCount() != null) {
      variables.put(SalesforceErrorCodes.VAR_MATCH_COUNT, e.matchCount());
      variables.put(SalesforceErrorCodes.VAR_RECORD_IDS, OutputValues.json(e.recordIds()));
    }
    ExecutionSupport.setVariables(variables);
    return new BpmnError(String.valueOf(e.status()), e.getMessage(), e);
  }
}
