package io.github.sfactions.action;

import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkOperation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record validated for a Bulk API 2.0 job: which job it belongs to and the CSV row it becomes.
 *
 * @param sobject the object API name
 * @param operation insert, update or upsert
 * @param idColumn {@code Id} for update, the external id field for upsert, null for insert
 * @param idValue this record's Id or external id value (null for insert; a missing one becomes
 *     {@code #N/A}, which fails this record only, as in the reference)
 * @param fields the field cells in the reference's column order; an explicit null means "set to
 *     null" ({@code #N/A}), a field that is absent stays unchanged (empty cell, deviation 3)
 */
public record BulkRecord(
    String sobject,
    BulkOperation operation,
    String idColumn,
    Object idValue,
    Map<String, Object> fields) {

  public BulkRecord {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Records with equal keys can go into one job. */
  public JobKey jobKey() {
    return new JobKey(sobject, operation, operation == BulkOperation.UPSERT ? idColumn : null);
  }

  /** The CSV row: the fields, then the id column (update and upsert). */
  public Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>(fields);
    if (idColumn != null) {
      row.keySet().removeIf(name -> name.equalsIgnoreCase(idColumn));
      row.put(idColumn, idValue == null ? null : idValue.toString());
    }
    return row;
  }

  /**
   * What identifies a bulk job: object, operation and (upsert) external id field.
   *
   * @param sobject object API name
   * @param operation insert, update or upsert
   * @param externalIdFieldName the upsert key field, null otherwise
   */
  public record JobKey(String sobject, BulkOperation operation, String externalIdFieldName) {

    /** The create-job request for this key. */
    public BulkJobRequest toJobRequest() {
      return new BulkJobRequest(sobject, operation, externalIdFieldName);
    }
  }
}
