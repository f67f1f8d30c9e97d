package io.github.sfactions.action;

/**
 * The reference's exact error messages and codes. Users migrating from Segment search for these
 * texts, so they are part of the contract; our own additions are marked as such.
 */
public final class ActionMessages {

  /** Status of a request the action rejects. */
  public static final int STATUS_BAD_REQUEST = 400;

  /** Status when no record matches an update or delete. */
  public static final int STATUS_NOT_FOUND = 404;

  /** Status when several records match (nothing is changed). */
  public static final int STATUS_MULTIPLE = 300;

  public static final String CODE_PAYLOAD_VALIDATION = "PAYLOAD_VALIDATION_FAILED";
  public static final String CODE_REQUIRED_FIELD = "Misconfigured required field";
  public static final String CODE_LOOKUP_TRAITS = "Misconfigured Required Field";
  public static final String CODE_UNDEFINED_TRAITS = "Undefined Traits";
  public static final String CODE_INVALID_OPERATOR = "Invalid SOQL operator";
  public static final String CODE_UNSUPPORTED_TYPE = "Unsupported Type";
  public static final String CODE_BAD_RESPONSE = "Bad Response";
  public static final String CODE_NOT_FOUND = "Record Not Found";
  public static final String CODE_MULTIPLE = "Multiple Records Found";
  public static final String CODE_UNDEFINED_SYNC_MODE = "Undefined syncMode";
  public static final String CODE_UNSUPPORTED_OPERATION = "Unsupported operation";
  public static final String CODE_BULK_EXTERNAL_ID =
      "Undefined bulkUpsertExternalId.externalIdName externalIdValue";
  public static final String CODE_BULK_RECORD_ID = "Undefined bulkUpdateRecordId";
  public static final String CODE_CREATE_JOB_FAILED = "Failed to create bulk job";

  /** Our addition: a matcher or field name that is not a valid API name (deviation 2). */
  public static final String CODE_INVALID_FIELD_NAME = "Invalid field name";

  /**
   * Our addition: an input that is neither a known operation nor a known sync mode (deviation 8).
   */
  public static final String CODE_INVALID_OPERATION = "Invalid operation";

  public static final String MISSING_LAST_NAME = "Missing last_name value";
  public static final String MISSING_NAME = "Missing name value";
  public static final String MISSING_OPPORTUNITY_FIELDS =
      "Missing close_date, name or stage_name value";
  public static final String CUSTOM_FIELDS_REQUIRED =
      "Custom fields are required for this operation.";
  public static final String SYNC_MODE_REQUIRED = "Sync mode is required for this operation.";

  /** Our addition: neither {@code operation} nor {@code syncMode} was given. */
  public static final String MISSING_OPERATION =
      "Missing operation or syncMode value (operation: create, update, upsert, delete; syncMode: add, update, upsert, delete)";

  /** Our addition: the custom object action without its object name. */
  public static final String MISSING_SOBJECT =
      "Missing sobject value: the custom object action needs the object API name, e.g. Invoice__c";

  public static final String UNDEFINED_LOOKUP_TRAITS =
      "Undefined lookup traits for update or upsert operation";
  public static final String UNDEFINED_TRAITS_PREFIX = "Undefined Traits when using ";
  public static final String INVALID_OPERATOR_PREFIX = "Invalid SOQL operator - ";
  public static final String UNSUPPORTED_TYPE_PREFIX =
      "Unsupported datatype for record matcher traits - ";
  public static final String RESPONSE_MISSING_FIELDS = "Response missing expected fields";
  public static final String NO_RECORD_FOUND = "No record found with given traits";
  public static final String MULTIPLE_RECORDS = "Multiple records returned with given traits";

  public static final String BULK_NOT_ENABLED =
      "Bulk operation triggered where enable_batching is false.";
  public static final String BULK_SYNC_MODE_REQUIRED = "syncMode is required";
  public static final String BULK_DELETE_UNSUPPORTED =
      "Unsupported operation: Bulk API does not support the delete operation";
  public static final String BULK_EXTERNAL_ID_MISSING =
      "Undefined bulkUpsertExternalId.externalIdName or externalIdValue when using bulkUpsert operation";
  public static final String BULK_RECORD_ID_MISSING =
      "Undefined bulkUpdateRecordId when using bulkUpdate operation";
  public static final String INVALID_CHARACTER_PREFIX = "Invalid character in field name: ";
  public static final String CREATE_JOB_FAILED = "Failed to create bulk job";

  private ActionMessages() {}

  /** {@code Undefined Traits when using <operation> operation}. */
  public static String undefinedTraits(Operation operation) {
    return UNDEFINED_TRAITS_PREFIX + operation.v1Name() + " operation";
  }
}
