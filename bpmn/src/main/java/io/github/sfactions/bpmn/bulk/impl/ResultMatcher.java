package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.client.BulkRecordResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the queued record of each result row. Salesforce does not keep the upload's row order and
 * an insert has no key column, so a row is matched by all its cells, which the result files echo as
 * uploaded. Records whose cells are identical are interchangeable: each gets one of their outcomes.
 */
public final class ResultMatcher {

  private static final char SEPARATOR = '\u001f';

  private final List<String> columns;
  private final Map<String, Deque<QueuedRecord>> byCells = new HashMap<>();

  /** A matcher for these records, uploaded with these columns. */
  public ResultMatcher(List<String> columns, List<QueuedRecord> records) {
    this.columns = List.copyOf(columns);
    for (QueuedRecord r : records) {
      byCells.computeIfAbsent(key(lowerCase(r.row()), true), k -> new ArrayDeque<>()).add(r);
    }
  }

  /** The record this result row belongs to (each record is handed out once). */
  public Optional<QueuedRecord> take(BulkRecordResult result) {
    Deque<QueuedRecord> candidates = byCells.get(key(lowerCase(result.row()), false));
    return candidates == null || candidates.isEmpty()
        ? Optional.empty()
        : Optional.of(candidates.poll());
  }

  /** Records no result row was matched to. */
  public List<QueuedRecord> unmatched() {
    List<QueuedRecord> left = new ArrayList<>();
    byCells.values().forEach(left::addAll);
    left.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    return left;
  }

  private String key(Map<String, String> row, boolean queued) {
    StringBuilder sb = new StringBuilder();
    for (String column : columns) {
      String name = column.toLowerCase(Locale.ROOT);
      String cell;
      if (queued) {
        cell = CellText.echo(row, name);
      } else {
        String echoed = row.get(name);
        cell = echoed == null ? "" : echoed;
      }
      sb.append(cell).append(SEPARATOR);
    }
    return sb.toString();
  }

  private static Map<String, String> lowerCase(Map<String, String> row) {
    Map<String, String> lower = new LinkedHashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }
}
