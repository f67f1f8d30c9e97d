package io.github.sfactions.emulator.bulk;

import java.util.List;

/**
 * Outcome of one bulk row handed to a {@link BulkRecordStore}.
 *
 * @param success whether the row was written
 * @param id the affected record's 18-character id; {@code null} when unknown (e.g. a failed insert)
 * @param created {@code true} when the row created a record (insert, or upsert that inserted)
 * @param errorCode Salesforce error code of a failed row, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message Salesforce error message of a failed row
 * @param fields fields the error applies to; may be empty
 */
public record BulkRowResult(
    boolean success,
    String id,
    boolean created,
    String errorCode,
    String message,
    List<String> fields) {

  /** Normalises {@code fields} to an immutable, never-null list. */
  public BulkRowResult {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** A successful row. */
  public static BulkRowResult success(String id, boolean created) {
    return new BulkRowResult(true, id, created, null, null, List.of());
  }

  /** A failed row; {@code id} may be {@code null}. */
  public static BulkRowResult failure(
      String id, String errorCode, String message, List<String> fields) {
    return new BulkRowResult(false, id, false, errorCode, message, fields);
  }
}
