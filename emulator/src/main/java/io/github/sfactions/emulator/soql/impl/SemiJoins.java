package io.github.sfactions.emulator.soql.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The semi-joins ({@code Id IN (SELECT AccountId FROM Contact)}) and anti-joins of a WHERE clause.
 * Their id sets depend on other objects' records, so the filter is bound at each run: every
 * subquery runs once, then the filter tests each record against the sets in memory.
 */
public final class SemiJoins {

  /**
   * One subquery.
   *
   * @param query the subquery
   * @param selectField the canonical id or reference field it selects
   */
  record Join(CompiledQuery query, String selectField) {}

  private final List<Join> joins;
  private final Function<List<Set<Object>>, Predicate<Map<String, Object>>> filter;

  SemiJoins(List<Join> joins, Function<List<Set<Object>>, Predicate<Map<String, Object>>> filter) {
    this.joins = List.copyOf(joins);
    this.filter = filter;
  }

  /**
   * The WHERE filter for one run.
   *
   * @param runner runs a subquery against the current records of its object
   * @return the filter with every subquery's id set computed
   */
  public Predicate<Map<String, Object>> bind(
      Function<CompiledQuery, List<Map<String, Object>>> runner) {
    List<Set<Object>> sets = new ArrayList<>(joins.size());
    for (Join join : joins) {
      Set<Object> ids = new HashSet<>();
      for (Map<String, Object> row : runner.apply(join.query())) {
        Comparable<?> id = ValueKind.ID.key(row.get(join.selectField()));
        if (id != null) {
          ids.add(id);
        }
      }
      sets.add(ids);
    }
    return filter.apply(sets);
  }
}
