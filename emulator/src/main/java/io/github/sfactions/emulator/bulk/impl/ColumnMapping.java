package io.github.sfactions.emulator.bulk.impl;

import io.github.sfactions.emulator.bulk.BulkRecordStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The uploaded header resolved against the job's object: canonical field name per column and the
 * positions of the columns the operation needs.
 *
 * @param uploadedNames header cells exactly as uploaded
 * @param canonicalNames canonical field name of each column
 * @param idColumn index of the {@code Id} column, -1 if absent
 * @param externalIdColumn index of the upsert external id column, -1 if absent or not upsert
 */
public record ColumnMapping(
    List<String> uploadedNames, List<String> canonicalNames, int idColumn, int externalIdColumn) {

  /** The canonical name of the record id field. */
  public static final String ID_FIELD = "Id";

  /** Compact constructor: defensive copies. */
  public ColumnMapping {
    uploadedNames = List.copyOf(uploadedNames);
    canonicalNames = List.copyOf(canonicalNames);
  }

  /** Number of columns. */
  public int size() {
    return canonicalNames.size();
  }

  /**
   * Resolves {@code header} for {@code spec}; fails the job on an unknown or duplicate column or a
   * column set the operation cannot work with.
   */
  public static ColumnMapping resolve(List<String> header, JobSpec spec, BulkRecordStore store)
      throws JobFailure {
    List<String> canonical = new ArrayList<>(header.size());
    Map<String, String> seen = new HashMap<>();
    for (String name : header) {
      Optional<String> field = store.canonicalFieldName(spec.object(), name);
      if (field.isEmpty()) {
        throw JobFailure.invalidBatch("Field name not found : " + name);
      }
      if (seen.putIfAbsent(field.get().toLowerCase(Locale.ROOT), name) != null) {
        throw JobFailure.invalidBatch("Duplicate field name : " + field.get());
      }
      canonical.add(field.get());
    }
    int id = indexOf(canonical, ID_FIELD);
    int externalId =
        spec.externalIdFieldName() == null ? -1 : indexOf(canonical, spec.externalIdFieldName());
    JobOperation op = spec.operation();
    if (op == JobOperation.UPDATE && id < 0) {
      throw JobFailure.invalidBatch("Id column is required for the update operation");
    }
    if (op == JobOperation.UPSERT && externalId < 0) {
      throw JobFailure.invalidBatch(
          "External ID column "
              + spec.externalIdFieldName()
              + " is required for the upsert operation");
    }
    if (op.isDelete() && (id < 0 || canonical.size() != 1)) {
      throw JobFailure.invalidBatch("The '" + op.apiName() + "' batch must contain only ids");
    }
    return new ColumnMapping(header, canonical, id, externalId);
  }

  private static int indexOf(List<String> names, String field) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(field)) {
        return i;
      }
    }
    return -1;
  }
}
