package io.github.sfactions.emulator.bulk.impl;

import io.github.sfactions.emulator.bulk.BulkRecordStore;
import io.github.sfactions.emulator.bulk.BulkRowResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one uploaded row through the {@link BulkRecordStore} and turns the outcome into what the
 * result files need: {@code sf__Id}, {@code sf__Created} or {@code sf__Error}. Never throws for a
 * row: a store exception becomes an {@code UNKNOWN_EXCEPTION} row failure.
 */
public final class RowWriter {

  /** What a Salesforce {@code #N/A} cell means: set the field to null. */
  public static final String NULL_MARKER = "#N/A";

  private final BulkRecordStore store;
  private final JobSpec spec;
  private final ColumnMapping columns;

  /** A writer for the rows of one job. */
  public RowWriter(BulkRecordStore store, JobSpec spec, ColumnMapping columns) {
    this.store = store;
    this.spec = spec;
    this.columns = columns;
  }

  /**
   * The outcome of one row.
   *
   * @param success whether the row was written
   * @param sfId the {@code sf__Id} value, empty when none
   * @param created the {@code sf__Created} value
   * @param error the {@code sf__Error} value of a failed row
   */
  public record RowOutcome(boolean success, String sfId, boolean created, String error) {}

  /** Writes the row with the given uploaded values. */
  public RowOutcome write(List<String> values) {
    if (values.size() != columns.size()) {
      return failed(
          "",
          ErrorCodes.INVALID_BATCH_ROW,
          "Wrong number of columns: expected " + columns.size() + " but found " + values.size(),
          List.of());
    }
    Map<String, String> cells = cells(values);
    String rowId =
        columns.idColumn() >= 0
            ? cells.get(columns.canonicalNames().get(columns.idColumn()))
            : null;
    BulkRowResult result;
    try {
      result = call(cells, rowId);
    } catch (RuntimeException e) {
      result =
          BulkRowResult.failure(
              null,
              ErrorCodes.UNKNOWN_EXCEPTION,
              "An unexpected error occurred while writing this row ("
                  + e.getClass().getSimpleName()
                  + ")",
              List.of());
    }
    if (result == null) {
      result =
          BulkRowResult.failure(
              null, ErrorCodes.UNKNOWN_EXCEPTION, "The record store returned no result", List.of());
    }
    return outcome(result, rowId);
  }

  private Map<String, String> cells(List<String> values) {
    Map<String, String> cells = new LinkedHashMap<>(values.size() * 2);
    List<String> names = columns.canonicalNames();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value.isEmpty()) {
        continue;
      }
      cells.put(names.get(i), NULL_MARKER.equals(value) ? null : value);
    }
    return cells;
  }

  private BulkRowResult call(Map<String, String> cells, String rowId) {
    String object = spec.object();
    return switch (spec.operation()) {
      case INSERT -> store.insert(object, cells);
      case UPDATE -> {
        if (rowId == null) {
          yield missing("Id not specified in an update call");
        }
        cells.remove(columns.canonicalNames().get(columns.idColumn()));
        yield store.update(object, rowId, cells);
      }
      case UPSERT -> {
        String field = spec.externalIdFieldName();
        if (!ColumnMapping.ID_FIELD.equalsIgnoreCase(field) && cells.get(field) == null) {
          yield missing(field + " not specified");
        }
        yield store.upsert(object, field, cells);
      }
      case DELETE, HARD_DELETE -> {
        if (rowId == null) {
          yield missing("Id not specified in a delete call");
        }
        yield store.delete(object, rowId, spec.operation() == JobOperation.HARD_DELETE);
      }
    };
  }

  private static BulkRowResult missing(String message) {
    return BulkRowResult.failure(null, ErrorCodes.MISSING_ARGUMENT, message, List.of());
  }

  private RowOutcome outcome(BulkRowResult result, String rowId) {
    String id = result.id();
    if (id == null
        && spec.operation() != JobOperation.INSERT
        && spec.operation() != JobOperation.UPSERT) {
      id = rowId;
    }
    if (result.success()) {
      return new RowOutcome(true, id == null ? "" : id, result.created(), null);
    }
    String sfId = spec.operation() == JobOperation.INSERT || id == null ? "" : id;
    String code = result.errorCode() == null ? ErrorCodes.UNKNOWN_EXCEPTION : result.errorCode();
    return failed(sfId, code, result.message() == null ? "" : result.message(), result.fields());
  }

  private static RowOutcome failed(String sfId, String code, String message, List<String> fields) {
    return new RowOutcome(false, sfId, false, formatError(code, message, fields));
  }

  /**
   * Salesforce's {@code sf__Error} text: {@code CODE:message:Field1,Field2 --} or {@code
   * CODE:message:--}.
   */
  public static String formatError(String code, String message, List<String> fields) {
    String fieldPart = fields.isEmpty() ? "--" : String.join(",", fields) + " --";
    return code + ":" + message + ":" + fieldPart;
  }
}
