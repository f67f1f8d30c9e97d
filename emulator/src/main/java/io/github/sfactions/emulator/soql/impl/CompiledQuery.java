package io.github.sfactions.emulator.soql.impl;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A validated query ready to run against records.
 *
 * @param objectName canonical object name
 * @param selectFields canonical field names in select order (the answer's keys for an aggregate
 *     query); empty for {@code COUNT()}
 * @param count whether the query is {@code SELECT COUNT()}
 * @param limit the LIMIT, or null
 * @param offset rows skipped before LIMIT counts (OFFSET; 0 without one)
 * @param filter the compiled WHERE clause (always true without one); unusable when {@code
 *     semiJoins} is set
 * @param semiJoins the WHERE clause's semi-joins and anti-joins, whose filter is bound at each run;
 *     or null
 * @param ordering the compiled ORDER BY, or null
 * @param children child relationship subqueries in select order
 * @param aggregation GROUP BY and aggregate functions, or null for a query answering records
 */
public record CompiledQuery(
    String objectName,
    List<String> selectFields,
    boolean count,
    Integer limit,
    int offset,
    Predicate<Map<String, Object>> filter,
    SemiJoins semiJoins,
    RecordOrdering ordering,
    List<Child> children,
    Aggregation aggregation) {

  /**
   * A compiled child subquery.
   *
   * @param relationshipName canonical child relationship name, the key of the nested result
   * @param referenceField the child's field holding the parent id
   * @param query the subquery against the child object
   */
  public record Child(String relationshipName, String referenceField, CompiledQuery query) {}
}
