/**
 * The emulator's SOQL: parses, validates and runs the subset of Salesforce Object Query Language
 * the connectors use, with Salesforce's error codes and message formats.
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@link io.github.sfactions.emulator.soql.SoqlQuery#parse(String, SoqlSchema)} parses once
 *       and compiles the WHERE clause into a predicate; {@code matches} and {@code apply} (filter,
 *       ORDER BY, LIMIT) then run in linear time (plus the sort) without re-parsing.
 *   <li>{@link io.github.sfactions.emulator.soql.SoqlSchema} is the metadata the parser needs; the
 *       emulator core implements it over its object model.
 *   <li>{@link io.github.sfactions.emulator.soql.SoqlException} carries {@code MALFORMED_QUERY},
 *       {@code INVALID_FIELD}, {@code INVALID_TYPE} or {@code INVALID_QUERY_FILTER_OPERATOR} and
 *       Salesforce's message, e.g. {@code "\nSELECT Bacon__c FROM Account\n ^\nERROR at
 *       Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Account'. ..."}. The caller answers
 *       HTTP 400.
 * </ul>
 *
 * <h2>Supported subset</h2>
 *
 * <pre>
 * SELECT item, ... | COUNT()  FROM object
 *   [WHERE condition]  [GROUP BY field, ... [HAVING condition]]
 *   [ORDER BY key [ASC|DESC] [NULLS FIRST|LAST], ...]  [LIMIT n]  [OFFSET n]
 * item := field [alias] | FUNCTION(field) [alias] | FIELDS(STANDARD|CUSTOM|ALL)
 *       | (SELECT ... FROM ChildRelationship ...)
 * FUNCTION := COUNT | COUNT_DISTINCT | SUM | AVG | MIN | MAX
 * </pre>
 *
 * Keywords, object and field names are case-insensitive; {@code Id} is always a valid field and a
 * field may be prefixed with its own object's name ({@code Case.Subject}). The SELECT list may also
 * name a parent relationship field one level up ({@code Account.Name}) when {@link
 * io.github.sfactions.emulator.soql.SoqlSchema} knows the relationship; WHERE and ORDER BY may not
 * (MALFORMED_QUERY naming the path). Conditions: {@code = != <> < <= > >= LIKE}, {@code IN (...)},
 * {@code NOT IN (...)}, {@code NOT}, {@code AND}, {@code OR} and parentheses; AND and OR cannot be
 * mixed at one level without parentheses. Values: single-quoted strings with Salesforce's backslash
 * escapes ({@code \_ \%} only in LIKE), numbers, {@code TRUE}/{@code FALSE}, {@code NULL}, dates
 * {@code 2024-05-01} and datetimes {@code 2024-05-01T10:00:00Z} / {@code +01:00} / {@code
 * .000+0000}. Date literals ({@code TODAY}, {@code LAST_N_DAYS:7}, {@code THIS_MONTH}, ...; not
 * fiscal ones) compare with the day range they name, in GMT.
 *
 * <p>Child subqueries ({@code (SELECT Id FROM Contacts)}, one level, in the outer select list) are
 * exposed as {@link io.github.sfactions.emulator.soql.SoqlQuery#children()}; the caller nests their
 * results per record. Aggregate queries (an aggregate function, GROUP BY or HAVING) run with {@link
 * io.github.sfactions.emulator.soql.SoqlQuery#aggregate}: one row per group keyed by grouped field
 * names, aliases or Salesforce's {@code expr0}, {@code expr1}, .... Semi-joins and anti-joins
 * ({@code Id [NOT] IN (SELECT AccountId FROM Contact)}, at most two, not nested) read other
 * objects' records through a {@link io.github.sfactions.emulator.soql.RecordSource}, each subquery
 * once per run. {@code FIELDS(CUSTOM)} and {@code FIELDS(ALL)} need a LIMIT of at most 200.
 *
 * <h2>Semantics</h2>
 *
 * Text compares case-insensitively and empty text counts as null; ids compare equal in their 15-
 * and 18-character forms; numbers compare by value, dates and datetimes chronologically. {@code =
 * null} matches null or missing values; {@code !=} and {@code NOT IN} are true for null values
 * (SOQL, unlike SQL); ordering operators and LIKE are false for them. ORDER BY treats null as the
 * lowest value (first ascending, last descending) unless NULLS FIRST/LAST says otherwise.
 *
 * <h2>Not supported</h2>
 *
 * Relationship paths outside the SELECT list or deeper than one level, nested child subqueries,
 * GROUP BY ROLLUP/CUBE, grouping by relationship fields, INCLUDES/EXCLUDES, TYPEOF, fiscal date
 * literals, WITH and FOR clauses: they are refused as {@code MALFORMED_QUERY} or {@code
 * INVALID_FIELD}, never silently ignored.
 */
package io.github.sfactions.emulator.soql;
