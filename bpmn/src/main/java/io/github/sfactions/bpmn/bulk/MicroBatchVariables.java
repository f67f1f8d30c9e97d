package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.SalesforceErrorCodes;

/**
 * Names shared by the micro-batch collector ({@value #PROCESS_KEY}), the "Await micro-batch
 * outcome" process ({@value #AWAIT_PROCESS_KEY}) and the diagrams that use them.
 *
 * <p>An outcome carries the same values a REST action connector returns ({@code recordId}, {@code
 * result}, {@code matchCount}, {@code statusCode}); a record that was not written carries the
 * status of the BPMN error REST would have thrown ({@code 300}, {@code 400}, {@code 404}), its
 * error code and message.
 */
public final class MicroBatchVariables {

  /** Key of the collector process (started per group by the trigger, and by the sweep timer). */
  public static final String PROCESS_KEY = "sfactions-micro-batch";

  /** Key of the reusable "Await micro-batch outcome" process. */
  public static final String AWAIT_PROCESS_KEY = "sfactions-micro-batch-await";

  /** Key of the process that hands one chunk of a flush's outcomes to their instances. */
  public static final String DELIVER_PROCESS_KEY = "sfactions-micro-batch-deliver";

  /** Message that starts {@value #DELIVER_PROCESS_KEY} for one chunk. */
  public static final String DELIVER_MESSAGE = "sfactions.microbatch.deliver";

  /** Message that starts a flush of one group ({@link #GROUP_KEY}) at once. */
  public static final String FLUSH_MESSAGE = "sfactions.microbatch.flush";

  /** Prefix of the message that delivers one record's outcome; the queue entry id follows. */
  public static final String OUTCOME_MESSAGE_PREFIX = "sfactions.microbatch.outcome.";

  /** Bean the sweep timer reads its cycle from ({@code ${sfactionsMicroBatch.sweepCycle}}). */
  public static final String SETTINGS_BEAN = "sfactionsMicroBatch";

  // ---- the waiting instance

  /** Input of {@value #AWAIT_PROCESS_KEY}: the action connector's {@code queueEntryId}. */
  public static final String ENTRY_ID = "sfQueueEntryId";

  /** Delivered: the record's Id, as REST's {@code recordId}. */
  public static final String RECORD_ID = ActionParameters.RECORD_ID;

  /** Delivered: {@code created}, {@code updated}, {@code deleted}, or {@value #RESULT_FAILED}. */
  public static final String RESULT = ActionParameters.RESULT;

  /** Value of {@link #RESULT} for a record that was not written. */
  public static final String RESULT_FAILED = "failed";

  /** Delivered: as REST's {@code matchCount} (also on a {@code 300}). */
  public static final String MATCH_COUNT = ActionParameters.MATCH_COUNT;

  /** Delivered: as REST's {@code statusCode}; on failure the BPMN error's code as a number. */
  public static final String STATUS_CODE = ActionParameters.STATUS_CODE;

  /** Delivered on failure: the reference's or Salesforce's error code. */
  public static final String ERROR_CODE = SalesforceErrorCodes.VAR_ERROR_CODE;

  /** Delivered on failure: the message REST's BPMN error or incident would carry. */
  public static final String ERROR_MESSAGE = "errorMessage";

  /** Delivered on a {@code 300}: the matched Ids as a JSON array, as REST sets it. */
  public static final String RECORD_IDS = SalesforceErrorCodes.VAR_RECORD_IDS;

  // ---- the collector

  /** The group a flush works on (a hash of connection and object). */
  public static final String GROUP_KEY = "groupKey";

  /** The current flush's claim id. */
  public static final String CLAIM_ID = "claimId";

  /** Records the last flush sent. */
  public static final String RECORD_COUNT = "recordCount";

  /** Salesforce calls of the collector instance so far. */
  public static final String API_CALLS = "apiCalls";

  /** Outcomes of the last flush whose instance did not wait for them yet. */
  public static final String UNDELIVERED_COUNT = "undeliveredCount";

  /** True when the group has records ready for another flush. */
  public static final String MORE = "more";

  /** True when another flush held the group; this one waits a moment and tries again. */
  public static final String GROUP_BUSY = "groupBusy";

  /**
   * The wait before trying a busy group again (ISO-8601: a quarter of {@code maxDelay}, ≥ 0.1 s).
   */
  public static final String RETRY_DELAY = "retryDelay";

  private MicroBatchVariables() {}
}
