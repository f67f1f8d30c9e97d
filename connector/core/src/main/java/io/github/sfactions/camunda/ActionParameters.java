package io.github.sfactions.camunda;

/**
 * Input and output parameter names of the six action connectors ({@code salesforce-lead}, {@code
 * -account}, {@code -contact}, {@code -opportunity}, {@code -case}, {@code -custom-object}).
 * Standard fields are passed as inputs named by their Salesforce API name ({@code LastName}, {@code
 * Company}, ...).
 */
public final class ActionParameters {

  /** V1 operation: {@code create}, {@code update}, {@code upsert}, {@code delete}. */
  public static final String OPERATION = "operation";

  /** V2 sync mode: {@code add}, {@code update}, {@code upsert}, {@code delete}. */
  public static final String SYNC_MODE = "syncMode";

  /** Map of further field API name → value (Segment's customFields). */
  public static final String OTHER_FIELDS = "otherFields";

  /** Map of field API name → value used to find the record (Segment's traits). */
  public static final String RECORD_MATCHERS = "recordMatchers";

  /** {@code OR} (default) or {@code AND}. */
  public static final String RECORD_MATCHERS_OPERATOR = "recordMatchersOperator";

  /** Boolean: queue the record for a Bulk API 2.0 job (same as {@code delivery=bulk}). */
  public static final String USE_BULK_API = "useBulkApi";

  /**
   * Map with {@code externalIdName} and {@code externalIdValue}: the id column of a bulk upsert.
   */
  public static final String BULK_UPSERT_EXTERNAL_ID = "bulkUpsertExternalId";

  /** Key of {@link #BULK_UPSERT_EXTERNAL_ID}: the external id field name. */
  public static final String EXTERNAL_ID_NAME = "externalIdName";

  /** Key of {@link #BULK_UPSERT_EXTERNAL_ID}: this record's external id value. */
  public static final String EXTERNAL_ID_VALUE = "externalIdValue";

  /** Record Id for a bulk update. */
  public static final String BULK_UPDATE_RECORD_ID = "bulkUpdateRecordId";

  /** Object API name; required by the custom object connector only. */
  public static final String SOBJECT = "sobject";

  /** Optional external id field: upsert natively in one call. */
  public static final String EXTERNAL_ID_FIELD = "externalIdField";

  /** {@code rest} (default), {@code microBatch} or {@code bulk}. */
  public static final String DELIVERY = "delivery";

  /** Name of a configured connection; {@code default} when absent. */
  public static final String CONNECTION = "connection";

  /** Output of a queued record (batched delivery): the queue's id for it. */
  public static final String QUEUE_ENTRY_ID = "queueEntryId";

  /** Output {@code statusCode} of a queued record (batched delivery). */
  public static final int STATUS_QUEUED = 202;

  /** Output: Id of the record written. */
  public static final String RECORD_ID = "recordId";

  /**
   * Output: {@code created}, {@code updated}, {@code deleted}, {@code skipped} or {@code queued}.
   */
  public static final String RESULT = "result";

  /** Output: number of records the lookup matched. */
  public static final String MATCH_COUNT = "matchCount";

  /** Output: HTTP status of the write. */
  public static final String STATUS_CODE = "statusCode";

  /** Output: Salesforce API calls the action made. */
  public static final String API_CALLS = "apiCalls";

  private ActionParameters() {}
}
