package io.github.sfactions.client;

/** What an HTTP call to Salesforce did; reported in {@link ApiCall}. */
public enum ApiOperation {
  TOKEN(false),
  CREATE(true),
  GET(true),
  UPDATE(true),
  DELETE(true),
  UPSERT(true),
  QUERY(true),
  QUERY_MORE(true),
  DESCRIBE(true),
  DESCRIBE_GLOBAL(true),
  LIMITS(true),
  COLLECTION_CREATE(true),
  COLLECTION_UPDATE(true),
  COLLECTION_UPSERT(true),
  COLLECTION_DELETE(true),
  BULK_CREATE_JOB(true),
  BULK_UPLOAD(true),
  BULK_CLOSE_JOB(true),
  BULK_ABORT_JOB(true),
  BULK_JOB_INFO(true),
  BULK_DELETE_JOB(true),
  BULK_SUCCESSFUL_RESULTS(true),
  BULK_FAILED_RESULTS(true),
  BULK_UNPROCESSED_RECORDS(true);

  private final boolean countsAgainstApiLimit;

  ApiOperation(boolean countsAgainstApiLimit) {
    this.countsAgainstApiLimit = countsAgainstApiLimit;
  }

  /**
   * False for OAuth token requests, which Salesforce does not count against the daily API
   * allocation.
   */
  public boolean countsAgainstApiLimit() {
    return countsAgainstApiLimit;
  }
}
