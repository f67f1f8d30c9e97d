package io.github.sfactions.bpmn.bulk;

/**
 * Names shared by the bulk ingest process ({@value #PROCESS_KEY}), the "Await bulk outcome" process
 * ({@value #AWAIT_PROCESS_KEY}) and the diagrams that use them: process keys, message names and
 * variables.
 */
public final class BulkIngestVariables {

  /**
   * Key of the bulk ingest process (timer- or message-started; claims, sends and reports one
   * batch).
   */
  public static final String PROCESS_KEY = "sfactions-bulk-ingest";

  /**
   * Key of the reusable "Await bulk outcome" process, called right after a task that queued a
   * record.
   */
  public static final String AWAIT_PROCESS_KEY = "sfactions-bulk-await";

  /** Message that starts a bulk ingest run at once (optionally for one {@link #GROUP_KEY}). */
  public static final String FLUSH_MESSAGE = "sfactions.bulk.flush";

  /** Prefix of the message that delivers one record's outcome; the queue entry id follows. */
  public static final String OUTCOME_MESSAGE_PREFIX = "sfactions.bulk.outcome.";

  /**
   * Name of the bean the timer start event reads its cycle from ({@code
   * ${sfactionsBulkIngest.flushCycle}}).
   */
  public static final String SETTINGS_BEAN = "sfactionsBulkIngest";

  // ---- the waiting instance
  // -------------------------------------------------------------------------------

  /**
   * Input of {@value #AWAIT_PROCESS_KEY}: the queue entry id (the action connector's {@code
   * queueEntryId}).
   */
  public static final String ENTRY_ID = "sfBulkEntryId";

  /**
   * Delivered: the record Id (inserted, updated or upserted; for a failed update the Id it had,
   * else null).
   */
  public static final String RECORD_ID = "recordId";

  /**
   * Delivered: {@code created} or {@code updated} for a record Salesforce wrote, {@value
   * #RESULT_FAILED} for one it did not (then {@link #ERROR} says why).
   */
  public static final String RESULT = "bulkResult";

  /** Value of {@link #RESULT} for a record that was not written. */
  public static final String RESULT_FAILED = "failed";

  /**
   * Delivered on failure: Salesforce's {@code sf__Error} ({@code CODE:message:fields --}) or the
   * batch's reason.
   */
  public static final String ERROR = "bulkError";

  /**
   * Delivered on failure: the error code part of {@link #ERROR} (e.g. {@code
   * REQUIRED_FIELD_MISSING}).
   */
  public static final String ERROR_CODE = "bulkErrorCode";

  /** Delivered: the Bulk API job the record travelled in (null if none was created). */
  public static final String JOB_ID = "bulkJobId";

  /** BPMN error code raised on the waiting instance for a failed record. */
  public static final String REJECTED_ERROR_CODE = "400";

  // ---- the bulk ingest process
  // ----------------------------------------------------------------------------

  /** Ingest: the group to claim from (set by early starts), else the oldest queued group. */
  public static final String GROUP_KEY = "groupKey";

  /**
   * Ingest: what started the run: {@value #TRIGGER_TIMER}, {@value #TRIGGER_SIZE} (a group filled a
   * batch) or {@value #TRIGGER_BACKLOG} (the previous claim left a full or waiting batch). These
   * runs claim only a full batch, or a partial one whose records waited long enough. A flush
   * message without it (an operator's "send now") claims whatever is queued.
   */
  public static final String TRIGGER = "flushTrigger";

  /** {@link #TRIGGER} of a timer-started run. */
  public static final String TRIGGER_TIMER = "timer";

  /** {@link #TRIGGER} of a run started because a group filled a batch. */
  public static final String TRIGGER_SIZE = "size";

  /** {@link #TRIGGER} of a run started by the previous claim for the batches left. */
  public static final String TRIGGER_BACKLOG = "backlog";

  /** Ingest: the claim's id (the queue rows carry it). */
  public static final String CLAIM_ID = "claimId";

  /** Ingest: records in the batch. */
  public static final String RECORD_COUNT = "recordCount";

  /** Ingest: connection, object, operation and external id field of the batch. */
  public static final String CONNECTION = "connection";

  public static final String SOBJECT = "sobject";
  public static final String OPERATION = "operation";
  public static final String EXTERNAL_ID_FIELD = "externalIdFieldName";

  /** Ingest: bytes of CSV uploaded. */
  public static final String CSV_BYTES = "csvBytes";

  /** Ingest: the job id, its state and Salesforce's counters. */
  public static final String JOB_ID_VAR = "jobId";

  public static final String JOB_STATE = "jobState";
  public static final String RECORDS_PROCESSED = "numberRecordsProcessed";
  public static final String RECORDS_FAILED = "numberRecordsFailed";

  /** Ingest: ISO-8601 duration between polls, and the instant after which the job is given up. */
  public static final String POLL_INTERVAL = "pollInterval";

  public static final String POLL_DEADLINE = "pollDeadline";
  public static final String POLL_COUNT = "pollCount";
  public static final String POLL_TIMED_OUT = "pollTimedOut";

  /** Ingest: uploads tried, and the most allowed. */
  public static final String UPLOAD_ATTEMPTS = "uploadAttempts";

  public static final String MAX_UPLOAD_ATTEMPTS = "maxUploadAttempts";

  /**
   * Ingest: why the whole batch failed (job Failed/Aborted, poll timeout, upload or create
   * failure).
   */
  public static final String FAILURE_REASON = "failureReason";

  /** Ingest: per-record outcome counts. */
  public static final String SUCCESSFUL_COUNT = "successfulCount";

  public static final String FAILED_COUNT = "failedCount";

  /**
   * Ingest: outcomes delivered so far, still to deliver, and those whose instance is not waiting
   * yet.
   */
  public static final String REPORTED_COUNT = "reportedCount";

  public static final String REMAINING_COUNT = "remainingCount";
  public static final String UNDELIVERED_COUNT = "undeliveredCount";

  /** Ingest: Salesforce API calls this run made. */
  public static final String API_CALLS = "apiCalls";

  /** Internal BPMN error code that sends a batch to "Fail the batch's records". */
  public static final String BATCH_FAILED_ERROR_CODE = "SF_BULK_BATCH_FAILED";

  /**
   * Internal BPMN error code of a failed upload (the job is aborted; the batch is tried again or
   * failed).
   */
  public static final String UPLOAD_FAILED_ERROR_CODE = "SF_BULK_UPLOAD_FAILED";

  private BulkIngestVariables() {}

  /** The outcome message name for a queue entry. */
  public static String outcomeMessage(String entryId) {
    return OUTCOME_MESSAGE_PREFIX + entryId;
  }
}
