package io.github.sfactions.emulator.soql.impl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GROUP BY and aggregate functions: collapses the matching records into one row per distinct
 * combination of the grouped fields (one row in all without GROUP BY), each holding the grouped
 * values under the field names and the aggregates under their output keys (alias, or {@code expr0},
 * {@code expr1}, ... as Salesforce names them). Text groups case-insensitively and ids across their
 * 15/18-character forms, as values compare in WHERE.
 */
public final class Aggregation {

  /** An aggregate function. */
  enum Function {
    COUNT,
    COUNT_DISTINCT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  /**
   * One computed column.
   *
   * @param key the output key (alias or exprN; hidden ones for ORDER BY start with a NUL character)
   * @param function the function
   * @param field the canonical field it reads
   * @param kind the field's value kind
   */
  record Aggregate(String key, Function function, String field, ValueKind kind) {}

  private final List<String> groupFields;
  private final List<ValueKind> groupKinds;
  private final List<Aggregate> aggregates;
  private final Map<String, String> outputs;
  private final java.util.function.Predicate<Map<String, Object>> having;

  /**
   * @param groupFields canonical GROUP BY fields
   * @param groupKinds their value kinds
   * @param aggregates the computed columns
   * @param outputs the answer's keys in select order, each with the row key it shows (a grouped
   *     field under an alias shows the field)
   * @param having the HAVING filter over result rows, or null
   */
  Aggregation(
      List<String> groupFields,
      List<ValueKind> groupKinds,
      List<Aggregate> aggregates,
      Map<String, String> outputs,
      java.util.function.Predicate<Map<String, Object>> having) {
    this.having = having;
    this.groupFields = List.copyOf(groupFields);
    this.groupKinds = List.copyOf(groupKinds);
    this.aggregates = List.copyOf(aggregates);
    this.outputs = new LinkedHashMap<>(outputs);
  }

  /** The answer's keys in select order. */
  public List<String> outputKeys() {
    return List.copyOf(outputs.keySet());
  }

  /**
   * One row per group passing HAVING, in order of each group's first record; keys are grouped
   * fields and aggregate keys.
   */
  public List<Map<String, Object>> group(List<Map<String, Object>> records) {
    Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> record : records) {
      Object[] key = new Object[groupFields.size()];
      for (int i = 0; i < key.length; i++) {
        key[i] = groupKinds.get(i).key(record.get(groupFields.get(i)));
      }
      groups.computeIfAbsent(Arrays.asList(key), k -> new ArrayList<>()).add(record);
    }
    if (groups.isEmpty() && groupFields.isEmpty()) {
      // Without GROUP BY there is always exactly one row: COUNT(Id) is 0, SUM(...) null.
      groups.put(List.of(), List.of());
    }
    List<Map<String, Object>> rows = new ArrayList<>(groups.size());
    for (List<Map<String, Object>> members : groups.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String field : groupFields) {
        Object value = members.get(0).get(field);
        row.put(field, "".equals(value) ? null : value);
      }
      for (Aggregate aggregate : aggregates) {
        row.put(aggregate.key(), compute(aggregate, members));
      }
      if (having == null || having.test(row)) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** A result row reduced to the answer's keys, in select order. */
  public Map<String, Object> project(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      out.put(output.getKey(), row.get(output.getValue()));
    }
    return out;
  }

  private static Object compute(Aggregate aggregate, List<Map<String, Object>> members) {
    switch (aggregate.function()) {
      case COUNT, COUNT_DISTINCT -> {
        Set<Object> distinct =
            aggregate.function() == Function.COUNT_DISTINCT ? new HashSet<>() : null;
        long count = 0;
        for (Map<String, Object> record : members) {
          Object key = aggregate.kind().key(record.get(aggregate.field()));
          if (key != null && (distinct == null || distinct.add(key))) {
            count++;
          }
        }
        return count;
      }
      case SUM, AVG -> {
        BigDecimal sum = null;
        long count = 0;
        for (Map<String, Object> record : members) {
          Object value = record.get(aggregate.field());
          BigDecimal number = value == null ? null : ValueKind.numberOf(value);
          if (number != null) {
            sum = sum == null ? number : sum.add(number);
            count++;
          }
        }
        if (sum == null || aggregate.function() == Function.SUM) {
          return sum;
        }
        return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).stripTrailingZeros();
      }
      default -> {
        boolean max = aggregate.function() == Function.MAX;
        Object best = null;
        Comparable<?> bestKey = null;
        for (Map<String, Object> record : members) {
          Object value = record.get(aggregate.field());
          Comparable<?> key = aggregate.kind().key(value);
          if (key != null
              && (bestKey == null
                  || RecordPredicates.compareKeys(key, bestKey) * (max ? 1 : -1) > 0)) {
            best = value;
            bestKey = key;
          }
        }
        return best;
      }
    }
  }
}
