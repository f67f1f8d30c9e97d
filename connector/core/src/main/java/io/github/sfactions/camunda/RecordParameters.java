package io.github.sfactions.camunda;

/**
 * Parameters of {@code salesforce-record}: write one record of any object by Id, or upsert it
 * natively by an external id. No matchers, no lookup: one API call per task.
 */
public final class RecordParameters {

  /** Input: object API name (required). */
  public static final String SOBJECT = "sobject";

  /** Input: {@code create}, {@code update}, {@code delete} or {@code upsert} (required). */
  public static final String OPERATION = "operation";

  /** Input: record Id (required for update and delete). */
  public static final String RECORD_ID = "recordId";

  /** Input: map of field API name → value (create, update, upsert). */
  public static final String FIELDS = "fields";

  /** Input: external id field API name (upsert). */
  public static final String EXTERNAL_ID_FIELD = "externalIdField";

  /** Input: external id value (upsert). */
  public static final String EXTERNAL_ID_VALUE = "externalIdValue";

  /** Input: connection name. */
  public static final String CONNECTION = "connection";

  /** Output: {@code created}, {@code updated} or {@code deleted}. */
  public static final String RESULT = "result";

  /** Output: HTTP status of the write. */
  public static final String STATUS_CODE = "statusCode";

  /** Output: Salesforce API calls made. */
  public static final String API_CALLS = "apiCalls";

  private RecordParameters() {}
}
