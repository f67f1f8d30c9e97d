package io.github.sfactions.bpmn.bulk;

import java.util.List;

/**
 * What loading a back-fill did: its id, the records queued, and the lines that were not records
 * (skipped, each counted; the first {@value BulkBackfill#MAX_REJECTED_LISTED} listed).
 *
 * @param backfillId the back-fill's id ({@link BulkBackfill#summary})
 * @param lines lines (or records) read
 * @param queued records queued for the Bulk API
 * @param rejected records refused before queueing
 * @param rejectedLines the first refused ones, with line number and reason
 */
public record BackfillResult(
    String backfillId, long lines, long queued, long rejected, List<RejectedLine> rejectedLines) {

  public BackfillResult {
    rejectedLines = List.copyOf(rejectedLines);
  }

  /**
   * A line that was not queued.
   *
   * @param line its number, from 1
   * @param reason why, e.g. {@code line 7: the upsert key Ext__c is missing}
   */
  public record RejectedLine(long line, String reason) {}
}
