package io.github.sfactions.emulator.bulk.impl;

/**
 * A request the ingest API refuses; becomes a Salesforce error array {@code
 * [{"message":...,"errorCode":...}]} with the given HTTP status.
 */
public final class BulkApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  /**
   * A refusal with HTTP {@code status}, Salesforce {@code errorCode} and a client-facing message.
   */
  public BulkApiException(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status of the error response. */
  public int status() {
    return status;
  }

  /** Salesforce error code, e.g. {@code INVALIDJOBSTATE}. */
  public String errorCode() {
    return errorCode;
  }

  /** 404 {@code NOT_FOUND} for an unknown job or resource. */
  public static BulkApiException notFound() {
    return new BulkApiException(404, ErrorCodes.NOT_FOUND, "The requested resource does not exist");
  }

  /** 400 {@code INVALIDJOB} for a bad job definition. */
  public static BulkApiException invalidJob(String message) {
    return new BulkApiException(400, ErrorCodes.INVALID_JOB, "InvalidJob : " + message);
  }

  /** 409 {@code INVALIDJOBSTATE} for an operation the job's state does not allow. */
  public static BulkApiException invalidState(String message) {
    return new BulkApiException(409, ErrorCodes.INVALID_JOB_STATE, "InvalidJobState : " + message);
  }
}
