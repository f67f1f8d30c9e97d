package io.github.sfactions.emulator.bulk.impl;

/** Error codes and job error-message prefixes used by the ingest emulation. */
public final class ErrorCodes {

  /** Unknown job id or resource path. */
  public static final String NOT_FOUND = "NOT_FOUND";

  /** Bad job definition on create or bad PATCH body. */
  public static final String INVALID_JOB = "INVALIDJOB";

  /** Operation not allowed in the job's current state. */
  public static final String INVALID_JOB_STATE = "INVALIDJOBSTATE";

  /** Body is not valid JSON or has the wrong shape. */
  public static final String JSON_PARSER_ERROR = "JSON_PARSER_ERROR";

  /** Wrong {@code Content-Type}. */
  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

  /** HTTP method not supported on the resource. */
  public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

  /** Upload refused: a second upload or an empty body. */
  public static final String BULK_API_ERROR = "BULK_API_ERROR";

  /** Upload larger than the configured cap. */
  public static final String EXCEEDED_QUOTA = "EXCEEDED_QUOTA";

  /** Unexpected server-side failure. */
  public static final String UNKNOWN_EXCEPTION = "UNKNOWN_EXCEPTION";

  /** The emulator has been closed. */
  public static final String SERVER_UNAVAILABLE = "SERVER_UNAVAILABLE";

  /** A row lacks the id or external id its operation needs. */
  public static final String MISSING_ARGUMENT = "MISSING_ARGUMENT";

  /** A row whose column count differs from the header. */
  public static final String INVALID_BATCH_ROW = "InvalidBatch";

  /** Prefix of job {@code errorMessage}s about the CSV content. */
  public static final String INVALID_BATCH_PREFIX = "InvalidBatch : ";

  /** Prefix of job {@code errorMessage}s about the CSV dialect. */
  public static final String CLIENT_INPUT_ERROR_PREFIX = "ClientInputError : ";

  private ErrorCodes() {}
}
