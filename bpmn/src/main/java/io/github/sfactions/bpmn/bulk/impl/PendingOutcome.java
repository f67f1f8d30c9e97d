package io.github.sfactions.bpmn.bulk.impl;

/**
 * A stored outcome waiting to be delivered to the instance that queued the record.
 *
 * @param seq the queue row (entry id)
 * @param processInstanceId the instance that queued it, or null
 * @param outcome the outcome
 * @param jobId the Bulk API job, or null
 */
public record PendingOutcome(
    long seq, String processInstanceId, RecordOutcome outcome, String jobId) {

  /** The entry id as text. */
  public String entryId() {
    return Long.toString(seq);
  }
}
