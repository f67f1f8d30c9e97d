package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;

/**
 * The outcome of one record, stored on its queue row until delivered.
 *
 * @param seq the queue row
 * @param success true when Salesforce wrote the record
 * @param result {@code created}, {@code updated} or {@link BulkIngestVariables#RESULT_FAILED}
 * @param recordId the record Id, or null
 * @param errorCode error code on failure (e.g. {@code REQUIRED_FIELD_MISSING}), else null
 * @param error Salesforce's {@code sf__Error} or the batch's reason on failure, else null
 */
public record RecordOutcome(
    long seq, boolean success, String result, String recordId, String errorCode, String error) {

  /** A failure of a record for a reason that hit its whole batch. */
  public static RecordOutcome batchFailure(long seq, String errorCode, String reason) {
    return new RecordOutcome(
        seq, false, BulkIngestVariables.RESULT_FAILED, null, errorCode, reason);
  }
}
