package io.github.sfactions.camunda;

/**
 * Parameters of the Bulk API 2.0 step connectors ({@code salesforce-bulk-create-job}, {@code
 * -upload}, {@code -close}, {@code -status}, {@code -results}, {@code -abort}), for modelling an
 * ingest job explicitly: create, upload, close, then poll {@code -status} with a timer loop until
 * {@link #DONE}, then fetch results.
 */
public final class BulkParameters {

  /** Input (create-job): object API name. */
  public static final String SOBJECT = "sobject";

  /**
   * Input (create-job): {@code insert}, {@code update}, {@code upsert}, {@code delete} or {@code
   * hardDelete}.
   */
  public static final String OPERATION = "operation";

  /** Input (create-job): external id field for upsert jobs. */
  public static final String EXTERNAL_ID_FIELD_NAME = "externalIdFieldName";

  /** Input (upload): the CSV text, header first (give this or {@link #RECORDS}). */
  public static final String CSV = "csv";

  /**
   * Input (upload): list of records (maps of field → value) to write as CSV (give this or {@link
   * #CSV}).
   */
  public static final String RECORDS = "records";

  /** Input/output: the job id (output of create-job, input of every other step). */
  public static final String JOB_ID = "jobId";

  /** Input: connection name. */
  public static final String CONNECTION = "connection";

  /**
   * Output: the job state ({@code Open}, {@code UploadComplete}, {@code InProgress}, {@code
   * JobComplete}, {@code Failed}, {@code Aborted}).
   */
  public static final String STATE = "state";

  /** Output (status): true once the state is JobComplete, Failed or Aborted. */
  public static final String DONE = "done";

  /** Output (status): records processed so far. */
  public static final String NUMBER_RECORDS_PROCESSED = "numberRecordsProcessed";

  /** Output (status): records that failed so far. */
  public static final String NUMBER_RECORDS_FAILED = "numberRecordsFailed";

  /** Output (status): Salesforce's errorMessage of a failed job, or null. */
  public static final String ERROR_MESSAGE = "errorMessage";

  /** Output (upload): rows uploaded. */
  public static final String RECORD_COUNT = "recordCount";

  /**
   * Output (results): one entry per record: outcome, id, created, errorCode, errorMessage, row
   * (JSON list).
   */
  public static final String RESULTS = "results";

  /** Output (results): the same list as a JSON array string. */
  public static final String RESULTS_JSON = "resultsJson";

  /** Output (results): number of successful records. */
  public static final String SUCCESSFUL_COUNT = "successfulCount";

  /** Output (results): number of failed records. */
  public static final String FAILED_COUNT = "failedCount";

  /** Output (results): number of records Salesforce did not process. */
  public static final String UNPROCESSED_COUNT = "unprocessedCount";

  /** Output: Salesforce API calls made. */
  public static final String API_CALLS = "apiCalls";

  private BulkParameters() {}
}
