package io.github.sfactions.emulator.soql.impl;

import java.util.List;

/**
 * A syntactically valid query, names not yet resolved.
 *
 * @param select select items in order (empty for {@code COUNT()}), subqueries aside
 * @param count whether the select list is {@code COUNT()}
 * @param object the FROM object token
 * @param where the filter, or null
 * @param orderBy sort keys, most significant first
 * @param limit the LIMIT, or null
 * @param offset the OFFSET (0 without one)
 * @param subqueries child relationship subqueries of the select list ({@code (SELECT ... FROM
 *     Contacts)}), their {@code object} being the relationship name
 * @param groupBy GROUP BY fields (empty without one)
 * @param having the HAVING filter over groups, or null
 */
record QueryAst(
    List<SelectItem> select,
    boolean count,
    Token object,
    Condition where,
    List<OrderItem> orderBy,
    Integer limit,
    int offset,
    List<QueryAst> subqueries,
    List<Token> groupBy,
    Condition having) {

  /** Whether the query aggregates: an aggregate function in the select list, or GROUP BY. */
  boolean aggregated() {
    return !groupBy.isEmpty()
        || having != null
        || select.stream().anyMatch(i -> i.function() != null && !i.isFields());
  }

  /**
   * One select list entry: a field, an aggregate function of a field ({@code COUNT(Id) cnt}), or a
   * field group ({@code FIELDS(STANDARD)}).
   *
   * @param function the function name token ({@code COUNT}, {@code SUM}, ...), or null for a plain
   *     field
   * @param field the field token
   * @param alias the alias token, or null
   */
  public record SelectItem(Token function, Token field, Token alias) {

    /** {@code FIELDS(ALL|STANDARD|CUSTOM)}, the group being the {@code field} token. */
    boolean isFields() {
      return function != null && function.isKeyword("FIELDS");
    }
  }

  /** One ORDER BY key: a field, or in an aggregate query an aggregate function of a field. */
  public record OrderItem(Token function, Token field, boolean descending, boolean nullsFirst) {}
}
