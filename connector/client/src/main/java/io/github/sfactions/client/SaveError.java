package io.github.sfactions.client;

import java.util.List;

/**
 * One error of a {@link SaveResult} (sObject Collections answer with key {@code statusCode}).
 *
 * @param statusCode Salesforce error code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message Salesforce's message
 * @param fields the fields concerned (may be empty)
 */
public record SaveError(String statusCode, String message, List<String> fields) {

  public SaveError {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** Whether retrying the same record may succeed (e.g. {@code UNABLE_TO_LOCK_ROW}). */
  public boolean retryable() {
    return SalesforceApiException.isRetryable(200, statusCode);
  }
}
