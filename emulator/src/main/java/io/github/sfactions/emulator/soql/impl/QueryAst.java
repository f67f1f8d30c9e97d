package io.github.sfactions.emulator.soql.impl;

import java.util.List;

/**
 * A syntactically valid query, names not yet resolved.
 *
 * @param selectFields field tokens in select order (empty for {@code COUNT()})
 * @param count        whether the select list is {@code COUNT()}
 * @param object       the FROM object token
 * @param where        the filter, or null
 * @param orderBy      sort keys, most significant first
 * @param limit        the LIMIT, or null
 * @param offset       the OFFSET (0 without one)
 * @param subqueries   child relationship subqueries of the select list ({@code (SELECT ... FROM Contacts)}),
 *                     their {@code object} being the relationship name
 */
record QueryAst(List<Token> selectFields, boolean count, Token object, Condition where,
                       List<OrderItem> orderBy, Integer limit, int offset, List<QueryAst> subqueries) {

    /** One ORDER BY key. */
    public record OrderItem(Token field, boolean descending, boolean nullsFirst) {
    }
}
