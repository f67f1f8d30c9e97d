package io.github.sfactions.emulator.soql.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ORDER BY: sorts records by one or more keys. Keys are extracted once per record before sorting,
 * so case folding and date parsing are not repeated on every comparison. The sort is stable: ties
 * keep input order.
 */
public final class RecordOrdering {

  /** One sort key, with a field already resolved to its canonical name and kind. */
  record Key(String field, ValueKind kind, boolean descending, boolean nullsFirst) {}

  private final List<Key> keys;

  RecordOrdering(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /** A new list holding the records in sort order. */
  public List<Map<String, Object>> sort(List<Map<String, Object>> records) {
    List<SortEntry> entries = new ArrayList<>(records.size());
    for (Map<String, Object> record : records) {
      Comparable<?>[] values = new Comparable<?>[keys.size()];
      for (int i = 0; i < values.length; i++) {
        Key key = keys.get(i);
        values[i] = key.kind().key(record.get(key.field()));
      }
      entries.add(new SortEntry(record, values));
    }
    entries.sort(comparator());
    List<Map<String, Object>> sorted = new ArrayList<>(entries.size());
    for (SortEntry entry : entries) {
      sorted.add(entry.record());
    }
    return sorted;
  }

  private Comparator<SortEntry> comparator() {
    return (left, right) -> {
      for (int i = 0; i < keys.size(); i++) {
        int result = compare(keys.get(i), left.values()[i], right.values()[i]);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    };
  }

  private static int compare(Key key, Comparable<?> left, Comparable<?> right) {
    if (left == null || right == null) {
      if (left == right) {
        return 0;
      }
      return (left == null) == key.nullsFirst() ? -1 : 1;
    }
    int result = RecordPredicates.compareKeys(left, right);
    return key.descending() ? -result : result;
  }

  private record SortEntry(Map<String, Object> record, Comparable<?>[] values) {}
}
