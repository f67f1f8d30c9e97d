package io.github.sfactions.client;

import java.util.List;
import java.util.Map;

/**
 * Records of a SOQL query, gathered across {@code nextRecordsUrl} pages up to a caller's cap.
 *
 * @param totalSize the number of rows Salesforce reported for the whole query
 * @param done true when every row was fetched; false when the {@code maxRecords} cap stopped the
 *     paging
 * @param records the rows in Salesforce's order; each map holds the selected fields keyed by API
 *     name, without the top-level {@code attributes} entry; at most {@code maxRecords}
 */
public record QueryResult(int totalSize, boolean done, List<Map<String, Object>> records) {

  public QueryResult {
    records = List.copyOf(records);
  }

  /** Values of the {@code Id} column, in order. */
  public List<String> ids() {
    return records.stream().map(r -> (String) r.get("Id")).toList();
  }
}
