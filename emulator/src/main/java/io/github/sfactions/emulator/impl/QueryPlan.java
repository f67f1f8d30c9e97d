package io.github.sfactions.emulator.impl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/** A parsed, validated SOQL query as the query endpoint needs it. */
public interface QueryPlan {
  /** Canonical object name. */
  String objectName();

  /** Canonical field names in select order. */
  List<String> selectFields();

  /** {@code SELECT COUNT() FROM ...}. */
  boolean isCount();

  /** The LIMIT clause, when given. */
  OptionalInt limit();

  /**
   * GROUP BY or aggregate functions: the answer is {@link #aggregate}'s rows, as AggregateResults.
   */
  default boolean isAggregate() {
    return false;
  }

  /**
   * For an aggregate query, one row per group keyed by the answer's keys; unsupported otherwise.
   */
  default List<Map<String, Object>> aggregate(
      Collection<Map<String, Object>> records,
      Function<String, Collection<Map<String, Object>>> tables) {
    throw new UnsupportedOperationException("not an aggregate query");
  }

  /** Child relationship subqueries of the select list; none by default. */
  default List<Child> children() {
    return List.of();
  }

  /**
   * A child subquery: its records are those of {@code plan.objectName()} whose {@code
   * referenceField} holds the parent's id, then filtered, sorted and limited by {@code plan}.
   */
  record Child(String relationshipName, String referenceField, QueryPlan plan) {}

  /**
   * WHERE filter, ORDER BY and LIMIT applied; the input maps, unprojected.
   *
   * @param records the FROM object's records
   * @param tables the live records of any object by canonical name, for semi-joins
   */
  List<Map<String, Object>> apply(
      Collection<Map<String, Object>> records,
      Function<String, Collection<Map<String, Object>>> tables);
}
