package io.github.sfactions.client;

/**
 * A Bulk API 2.0 ingest JobInfo. Counters are 0 in the short form returned by create and close.
 *
 * @param id job id ({@code 750...})
 * @param sobject the job's object
 * @param operation the job's operation
 * @param state current state
 * @param externalIdFieldName for upsert jobs, else null
 * @param numberRecordsProcessed rows processed, <em>including</em> failed rows
 * @param numberRecordsFailed failed rows
 * @param errorMessage why the job failed (state Failed), else null
 */
public record BulkJobInfo(
    String id,
    String sobject,
    BulkOperation operation,
    BulkJobState state,
    String externalIdFieldName,
    String createdDate,
    String contentUrl,
    long numberRecordsProcessed,
    long numberRecordsFailed,
    long retries,
    long totalProcessingTime,
    String errorMessage) {

  /** Rows processed successfully. */
  public long numberRecordsSucceeded() {
    return Math.max(0, numberRecordsProcessed - numberRecordsFailed);
  }
}
