package io.github.sfactions.emulator.soql;

import io.github.sfactions.emulator.soql.impl.Aggregation;
import io.github.sfactions.emulator.soql.impl.CompiledQuery;
import io.github.sfactions.emulator.soql.impl.QueryCompiler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A parsed, validated SOQL query of the emulator's subset, compiled once and runnable against any
 * number of records. Immutable and safe to share between threads.
 *
 * <p>Records are maps keyed by canonical field names with values {@code String}, {@code Boolean},
 * {@code BigDecimal} or null; a missing key reads as null.
 */
public final class SoqlQuery {

  private final CompiledQuery compiled;

  private SoqlQuery(CompiledQuery compiled) {
    this.compiled = compiled;
  }

  /**
   * Parses and validates a query.
   *
   * @param soql the query text
   * @param schema the org metadata to resolve object and field names against
   * @return the compiled query
   * @throws SoqlException with Salesforce's error code and message when Salesforce would refuse the
   *     query
   */
  public static SoqlQuery parse(String soql, SoqlSchema schema) {
    return new SoqlQuery(QueryCompiler.compile(soql, schema));
  }

  /** The canonical name of the FROM object. */
  public String objectName() {
    return compiled.objectName();
  }

  /** Canonical names of the selected fields in select order; empty for {@code COUNT()}. */
  public List<String> selectFields() {
    return compiled.selectFields();
  }

  /** Whether the query is {@code SELECT COUNT() FROM ...}. */
  public boolean isCount() {
    return compiled.count();
  }

  /** Child relationship subqueries of the select list, in select order; empty for most queries. */
  public List<Child> children() {
    List<Child> children = new ArrayList<>(compiled.children().size());
    for (CompiledQuery.Child child : compiled.children()) {
      children.add(
          new Child(
              child.relationshipName(), child.referenceField(), new SoqlQuery(child.query())));
    }
    return children;
  }

  /**
   * A child relationship subquery, {@code (SELECT Id FROM Contacts)}.
   *
   * @param relationshipName canonical relationship name, the key of the nested result
   * @param referenceField the child object's field holding the parent's id
   * @param query the subquery over the child object (its {@link #apply} filters, sorts and limits
   *     one parent's children)
   */
  public record Child(String relationshipName, String referenceField, SoqlQuery query) {}

  /**
   * Whether the query aggregates (GROUP BY or an aggregate function): run it with {@link
   * #aggregate}.
   */
  public boolean isAggregate() {
    return compiled.aggregation() != null;
  }

  /**
   * Runs an aggregate query: filters by WHERE, groups, sorts by ORDER BY and cuts at OFFSET and
   * LIMIT.
   *
   * @param records the object's records
   * @param source the org's records, read by semi-joins (may be null for a query without them)
   * @return one row per group, keyed by the answer's keys ({@link #selectFields()}: grouped field
   *     names, aliases, {@code expr0}, {@code expr1}, ...) in select order
   * @throws IllegalStateException when the query does not aggregate
   */
  public List<Map<String, Object>> aggregate(
      Collection<Map<String, Object>> records, RecordSource source) {
    Aggregation aggregation = compiled.aggregation();
    if (aggregation == null) {
      throw new IllegalStateException("not an aggregate query: " + this);
    }
    Predicate<Map<String, Object>> filter = filter(source);
    List<Map<String, Object>> matched = new ArrayList<>();
    for (Map<String, Object> record : records) {
      if (filter.test(record)) {
        matched.add(record);
      }
    }
    List<Map<String, Object>> rows = aggregation.group(matched);
    if (compiled.ordering() != null) {
      rows = compiled.ordering().sort(rows);
    }
    long end =
        compiled.limit() == null ? Long.MAX_VALUE : (long) compiled.offset() + compiled.limit();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = compiled.offset(); i < rows.size() && i < end; i++) {
      out.add(aggregation.project(rows.get(i)));
    }
    return out;
  }

  /** The LIMIT, if any. */
  public OptionalInt limit() {
    Integer limit = compiled.limit();
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * Whether the record satisfies the WHERE clause (always true without one).
   *
   * @throws IllegalStateException for a query with semi-joins, which need {@link #apply(Collection,
   *     RecordSource)}
   */
  public boolean matches(Map<String, Object> record) {
    return compiled.filter().test(Objects.requireNonNull(record, "record"));
  }

  /**
   * Filters by WHERE, sorts by ORDER BY (stable, so ties keep input order) and cuts at LIMIT.
   *
   * @param records the object's records
   * @return the matching input maps themselves (not projected to the select list), in result order
   * @throws IllegalStateException for a query with semi-joins, which need {@link #apply(Collection,
   *     RecordSource)}
   */
  public List<Map<String, Object>> apply(Collection<Map<String, Object>> records) {
    return apply(records, null);
  }

  /**
   * As {@link #apply(Collection)}, with the org's records for semi-joins: each semi-join subquery
   * runs once against {@code source}.
   *
   * @param records the object's records
   * @param source the org's records (may be null for a query without semi-joins)
   * @return the matching input maps in result order
   */
  public List<Map<String, Object>> apply(
      Collection<Map<String, Object>> records, RecordSource source) {
    Predicate<Map<String, Object>> filter = filter(source);
    int offset = compiled.offset();
    long wanted = compiled.limit() == null ? Long.MAX_VALUE : (long) offset + compiled.limit();
    boolean sorted = compiled.ordering() != null;
    List<Map<String, Object>> result = new ArrayList<>();
    if (compiled.limit() != null && compiled.limit() == 0) {
      return result;
    }
    for (Map<String, Object> record : records) {
      if (filter.test(record)) {
        result.add(record);
        if (!sorted && result.size() >= wanted) {
          break;
        }
      }
    }
    List<Map<String, Object>> ordered = sorted ? compiled.ordering().sort(result) : result;
    int from = Math.min(offset, ordered.size());
    int to = (int) Math.min(ordered.size(), wanted);
    return from == 0 && to == ordered.size() ? ordered : new ArrayList<>(ordered.subList(from, to));
  }

  private Predicate<Map<String, Object>> filter(RecordSource source) {
    if (compiled.semiJoins() == null) {
      return compiled.filter();
    }
    Objects.requireNonNull(source, "source (this query has semi-joins)");
    return compiled
        .semiJoins()
        .bind(sub -> new SoqlQuery(sub).apply(source.records(sub.objectName()), source));
  }

  @Override
  public String toString() {
    return "SoqlQuery[" + compiled.objectName() + " " + compiled.selectFields() + "]";
  }
}
