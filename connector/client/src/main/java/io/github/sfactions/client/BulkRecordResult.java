package io.github.sfactions.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one uploaded row, from the successful, failed or unprocessed results CSV.
 *
 * @param outcome which results file the row came from
 * @param id {@code sf__Id}: the record id (empty/null for failed inserts and unprocessed rows)
 * @param created {@code sf__Created} of successful rows
 * @param errorCode the code of {@code sf__Error} (e.g. {@code REQUIRED_FIELD_MISSING}), null unless
 *     failed
 * @param errorMessage the message part of {@code sf__Error}, null unless failed
 * @param errorFields the fields part of {@code sf__Error}, empty unless failed
 * @param row the row's original cells keyed by the uploaded header names, in header order
 */
public record BulkRecordResult(
    Outcome outcome,
    String id,
    boolean created,
    String errorCode,
    String errorMessage,
    List<String> errorFields,
    Map<String, String> row) {

  /** Which results file a row came from. */
  public enum Outcome {
    SUCCESS,
    FAILED,
    UNPROCESSED
  }

  public BulkRecordResult {
    errorFields = errorFields == null ? List.of() : List.copyOf(errorFields);
    row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
  }

  /** The original cell of this column (exact header name), or null. */
  public String value(String column) {
    return row.get(column);
  }

  public boolean success() {
    return outcome == Outcome.SUCCESS;
  }

  /**
   * Whether retrying the row may succeed: unprocessed rows, and failures such as {@code
   * UNABLE_TO_LOCK_ROW}.
   */
  public boolean retryable() {
    return outcome == Outcome.UNPROCESSED
        || (outcome == Outcome.FAILED && SalesforceApiException.isRetryable(200, errorCode));
  }
}
