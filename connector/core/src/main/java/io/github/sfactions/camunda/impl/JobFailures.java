package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.camunda.RecordBusyException;
import io.github.sfactions.camunda.SalesforceConnectorException;
import io.github.sfactions.client.SalesforceApiException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the failures of the Salesforce connectors and client in a failed job's exception,
 * judges whether a retry can help and describes them in one line. Failures that are not ours are
 * left to the engine.
 */
public final class JobFailures {

  private JobFailures() {}

  /**
   * The first Salesforce failure in {@code failure}'s cause chain (the engine may wrap it), or
   * empty when the job failed for another reason.
   */
  public static Optional<RuntimeException> find(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SalesforceConnectorException
          || t instanceof SalesforceApiException
          || t instanceof ActionException) {
        return Optional.of((RuntimeException) t);
      }
    }
    return Optional.empty();
  }

  /** True when the job failed only because its record was busy ({@link RecordBusyException}). */
  public static boolean recordBusy(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof RecordBusyException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the job should be tried again: the failure's own verdict; a rejected action never is.
   */
  public static boolean retryable(RuntimeException ours) {
    if (ours instanceof SalesforceConnectorException c) {
      return c.retryable();
    }
    if (ours instanceof SalesforceApiException a) {
      return a.retryable();
    }
    return false;
  }

  /**
   * One line: {@code connector=.. action=".." status=.. errorCode=.. message=".."}. Line breaks of
   * the message are folded, so a log line stays one line.
   */
  public static String describe(RuntimeException ours) {
    StringBuilder line = new StringBuilder();
    if (ours instanceof SalesforceConnectorException c) {
      append(line, "connector", c.connectorId());
      append(line, "action", c.action());
      append(line, "status", c.status() == 0 ? null : String.valueOf(c.status()));
      append(line, "errorCode", c.errorCode());
    } else if (ours instanceof SalesforceApiException a) {
      append(line, "call", a.method() == null ? null : a.method() + " " + a.path());
      append(line, "status", String.valueOf(a.status()));
      append(line, "errorCode", a.errorCode());
    } else if (ours instanceof ActionException e) {
      append(line, "status", String.valueOf(e.status()));
      append(
          line, "errorCode", e.salesforceErrorCode() != null ? e.salesforceErrorCode() : e.code());
    }
    append(line, "message", ours.getMessage());
    return line.toString();
  }

  private static void append(StringBuilder line, String key, String value) {
    if (value == null) {
      return;
    }
    if (!line.isEmpty()) {
      line.append(' ');
    }
    String oneLine = value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    boolean quote =
        oneLine.isEmpty() || oneLine.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=');
    line.append(key)
        .append('=')
        .append(quote ? '"' + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : oneLine);
  }
}
