package io.github.sfactions.client;

/**
 * Bulk API 2.0 ingest operations; {@link #apiValue()} is the JSON value of the job's {@code
 * operation}.
 */
public enum BulkOperation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete"),
  HARD_DELETE("hardDelete");

  private final String apiValue;

  BulkOperation(String apiValue) {
    this.apiValue = apiValue;
  }

  public String apiValue() {
    return apiValue;
  }

  /** The operation for a JobInfo {@code operation} value (case-insensitive). */
  public static BulkOperation fromApiValue(String value) {
    for (BulkOperation op : values()) {
      if (op.apiValue.equalsIgnoreCase(value)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Unknown bulk operation '" + value + "'");
  }
}
