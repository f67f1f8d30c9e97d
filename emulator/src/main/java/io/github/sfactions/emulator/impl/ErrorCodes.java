package io.github.sfactions.emulator.impl;

/** Salesforce error codes the emulator answers with. */
public final class ErrorCodes {
  public static final String NOT_FOUND = "NOT_FOUND";
  public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
  public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
  public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
  public static final String JSON_PARSER_ERROR = "JSON_PARSER_ERROR";
  public static final String INVALID_TYPE = "INVALID_TYPE";
  public static final String INVALID_FIELD = "INVALID_FIELD";
  public static final String INVALID_FIELD_FOR_INSERT_UPDATE = "INVALID_FIELD_FOR_INSERT_UPDATE";
  public static final String REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING";
  public static final String STRING_TOO_LONG = "STRING_TOO_LONG";
  public static final String INVALID_TYPE_ON_FIELD_IN_RECORD = "INVALID_TYPE_ON_FIELD_IN_RECORD";
  public static final String INVALID_EMAIL_ADDRESS = "INVALID_EMAIL_ADDRESS";
  public static final String INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST =
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST";
  public static final String ENTITY_IS_DELETED = "ENTITY_IS_DELETED";
  public static final String MALFORMED_ID = "MALFORMED_ID";
  public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
  public static final String FIELD_INTEGRITY_EXCEPTION = "FIELD_INTEGRITY_EXCEPTION";
  public static final String INVALID_CROSS_REFERENCE_KEY = "INVALID_CROSS_REFERENCE_KEY";
  public static final String DUPLICATE_VALUE = "DUPLICATE_VALUE";
  public static final String DUPLICATE_EXTERNAL_ID = "DUPLICATE_EXTERNAL_ID";
  public static final String DUPLICATES_DETECTED = "DUPLICATES_DETECTED";
  public static final String INVALID_QUERY_LOCATOR = "INVALID_QUERY_LOCATOR";
  public static final String EXCEEDED_ID_LIMIT = "EXCEEDED_ID_LIMIT";
  public static final String ALL_OR_NONE_OPERATION_ROLLED_BACK =
      "ALL_OR_NONE_OPERATION_ROLLED_BACK";
  public static final String INVALID_ID_FIELD = "INVALID_ID_FIELD";
  public static final String UNABLE_TO_LOCK_ROW = "UNABLE_TO_LOCK_ROW";
  public static final String SERVER_UNAVAILABLE = "SERVER_UNAVAILABLE";
  public static final String UNKNOWN_EXCEPTION = "UNKNOWN_EXCEPTION";
  public static final String REQUEST_ENTITY_TOO_LARGE = "REQUEST_ENTITY_TOO_LARGE";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
  public static final String INVALID_TYPE_FOR_OPERATION = "INVALID_TYPE_FOR_OPERATION";
  public static final String INVALID_REPLICATION_DATE = "INVALID_REPLICATION_DATE";
  public static final String MISSING_ARGUMENT = "MISSING_ARGUMENT";

  private ErrorCodes() {}
}
