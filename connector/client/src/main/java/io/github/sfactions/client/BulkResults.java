package io.github.sfactions.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All per-row outcomes of a finished job. Salesforce does not keep the upload's row order, so
 * correlate rows by a key column with {@link #byKey(String)}.
 *
 * @param successful rows of {@code successfulResults}
 * @param failed rows of {@code failedResults}
 * @param unprocessed rows of {@code unprocessedrecords}
 */
public record BulkResults(
    List<BulkRecordResult> successful,
    List<BulkRecordResult> failed,
    List<BulkRecordResult> unprocessed) {

  public BulkResults {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
    unprocessed = List.copyOf(unprocessed);
  }

  /** Every row: successful, then failed, then unprocessed. */
  public List<BulkRecordResult> all() {
    List<BulkRecordResult> all =
        new ArrayList<>(successful.size() + failed.size() + unprocessed.size());
    all.addAll(successful);
    all.addAll(failed);
    all.addAll(unprocessed);
    return all;
  }

  /**
   * Rows keyed by the value of {@code keyColumn} (the uploaded header name, e.g. {@code Ext__c} or
   * {@code Id}; matched case-insensitively). Rows without a value are left out.
   *
   * @throws IllegalStateException when two rows share a key: such rows cannot be told apart
   */
  public Map<String, BulkRecordResult> byKey(String keyColumn) {
    Map<String, BulkRecordResult> map = new LinkedHashMap<>();
    for (BulkRecordResult r : all()) {
      String key = cell(r, keyColumn);
      if (key == null || key.isEmpty()) {
        continue;
      }
      if (map.putIfAbsent(key, r) != null) {
        throw new IllegalStateException(
            "Bulk results hold two rows with "
                + keyColumn
                + " = '"
                + key
                + "'; use a unique key column to correlate rows");
      }
    }
    return map;
  }

  private static String cell(BulkRecordResult r, String column) {
    String exact = r.row().get(column);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> e : r.row().entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }
}
