package io.github.sfactions.client;

/** States of a Bulk API 2.0 ingest job. */
public enum BulkJobState {
  OPEN("Open"),
  UPLOAD_COMPLETE("UploadComplete"),
  IN_PROGRESS("InProgress"),
  JOB_COMPLETE("JobComplete"),
  FAILED("Failed"),
  ABORTED("Aborted");

  private final String apiValue;

  BulkJobState(String apiValue) {
    this.apiValue = apiValue;
  }

  public String apiValue() {
    return apiValue;
  }

  /** True for JobComplete, Failed and Aborted: the job will not change any more. */
  public boolean isTerminal() {
    return this == JOB_COMPLETE || this == FAILED || this == ABORTED;
  }

  /** The state for a JobInfo {@code state} value. */
  public static BulkJobState fromApiValue(String value) {
    for (BulkJobState s : values()) {
      if (s.apiValue.equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown bulk job state '" + value + "'");
  }
}
