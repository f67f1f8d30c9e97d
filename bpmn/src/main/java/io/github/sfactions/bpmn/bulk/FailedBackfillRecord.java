package io.github.sfactions.bpmn.bulk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A back-fill record Salesforce rejected, kept for inspection (and to be fixed and loaded again).
 *
 * @param line its line in the loaded file (or position in the records), from 1
 * @param fields its cells as sent (field to text; {@code #N/A} for a field set to null)
 * @param errorCode Salesforce's error code, e.g. {@code REQUIRED_FIELD_MISSING}, or the batch's
 * @param error Salesforce's {@code sf__Error}, or the reason the whole batch failed
 * @param jobId the Bulk API job, or null
 */
public record FailedBackfillRecord(
    long line, Map<String, String> fields, String errorCode, String error, String jobId) {

  public FailedBackfillRecord {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
