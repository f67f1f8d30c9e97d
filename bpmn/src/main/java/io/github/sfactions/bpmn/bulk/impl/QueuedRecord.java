package io.github.sfactions.bpmn.bulk.impl;

import java.util.Map;

/**
 * One claimed queue row.
 *
 * @param seq the row id (also the entry id the waiting instance knows, as text)
 * @param row the CSV cells (column → text, null = set to null)
 * @param processInstanceId the instance that queued it, or null
 */
public record QueuedRecord(long seq, Map<String, String> row, String processInstanceId) {

  /** The entry id as the action connector reported it ({@code queueEntryId}). */
  public String entryId() {
    return Long.toString(seq);
  }
}
