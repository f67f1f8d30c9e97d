package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import io.github.sfactions.emulator.soql.SoqlSchema;
import io.github.sfactions.emulator.soql.SoqlSchema.FieldInfo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs the whole pipeline (lex, parse, resolve, compile) and turns WHERE and ORDER BY into
 * executable form. Checks run in query order after the object, so the first problem reported is the
 * first one Salesforce would report.
 */
public final class QueryCompiler {

  /** Date literals are relative to the current day. */
  private static final Clock CLOCK = Clock.systemUTC();

  /** The largest LIMIT of a query selecting {@code FIELDS(ALL)} or {@code FIELDS(CUSTOM)}. */
  static final int MAX_FIELDS_LIMIT = 200;

  /** The most semi-joins and anti-joins one WHERE clause may hold. */
  static final int MAX_SEMI_JOINS = 2;

  private final SourceText sourceText;
  private final SoqlSchema schema;
  private final String object;
  private final FieldResolver fields;
  private final FilterValues values;

  /**
   * While compiling HAVING: the grouped fields and the aggregate columns it may add to; null
   * otherwise.
   */
  private List<String> havingGroups;

  private List<Aggregation.Aggregate> havingAggregates;

  private QueryCompiler(SourceText sourceText, SoqlSchema schema, String object) {
    this.sourceText = sourceText;
    this.schema = schema;
    this.object = object;
    this.fields = new FieldResolver(sourceText, schema, object);
    this.values = new FilterValues(sourceText);
  }

  /**
   * Parses, validates and compiles; throws {@link SoqlException} with Salesforce's code and text.
   */
  public static CompiledQuery compile(String soql, SoqlSchema schema) {
    Objects.requireNonNull(soql, "soql");
    Objects.requireNonNull(schema, "schema");
    SourceText sourceText = new SourceText(soql, SoqlLexer.tokenize(soql));
    QueryAst ast = SoqlParser.parse(sourceText);
    String object =
        schema
            .canonicalObjectName(ast.object().text())
            .orElseThrow(
                () ->
                    sourceText.error(
                        ast.object(),
                        SoqlException.INVALID_TYPE,
                        "sObject type '"
                            + ast.object().text()
                            + "' is not"
                            + " supported. If you are attempting to use a custom object, be sure to append the '__c'"
                            + " after the entity name. Please reference your WSDL or the describe call for the"
                            + " appropriate names."));
    return new QueryCompiler(sourceText, schema, object).compile(ast, object);
  }

  private CompiledQuery compile(QueryAst ast, String object) {
    if (ast.aggregated()) {
      return compileAggregate(ast, object);
    }
    if (ast.count() && !ast.groupBy().isEmpty()) {
      throw sourceText.error(
          ast.groupBy().get(0),
          SoqlException.MALFORMED_QUERY,
          "COUNT() with GROUP BY is not supported by the emulator; select COUNT(Id) instead");
    }
    Set<String> selected = new LinkedHashSet<>();
    for (QueryAst.SelectItem item : ast.select()) {
      if (item.alias() != null) {
        // Aliases exist only in aggregate queries.
        throw sourceText.unexpected(item.alias());
      }
      List<String> names =
          item.isFields()
              ? fieldGroup(item, ast.limit())
              : List.of(fields.resolveSelect(item.field()));
      for (String name : names) {
        addSelected(selected, name);
      }
    }
    Where where = compileWhere(ast.where());
    RecordOrdering ordering = ast.orderBy().isEmpty() ? null : compileOrdering(ast.orderBy());
    List<CompiledQuery.Child> children = new ArrayList<>();
    Set<String> childNames = new HashSet<>();
    for (QueryAst subquery : ast.subqueries()) {
      CompiledQuery.Child child = compileChild(object, subquery);
      if (!childNames.add(child.relationshipName())) {
        throw new SoqlException(
            SoqlException.INVALID_FIELD, "duplicate field selected: " + child.relationshipName());
      }
      children.add(child);
    }
    return new CompiledQuery(
        object,
        List.copyOf(selected),
        ast.count(),
        ast.limit(),
        ast.offset(),
        where.filter(),
        where.semiJoins(),
        ordering,
        List.copyOf(children),
        null);
  }

  /** A query with GROUP BY or aggregate functions: its answer is one AggregateResult per group. */
  private CompiledQuery compileAggregate(QueryAst ast, String object) {
    if (!ast.subqueries().isEmpty()) {
      throw sourceText.error(
          ast.subqueries().get(0).object(),
          SoqlException.MALFORMED_QUERY,
          "Child relationship subqueries can not be combined with GROUP BY or aggregate functions");
    }
    List<String> groupFields = new ArrayList<>();
    List<ValueKind> groupKinds = new ArrayList<>();
    for (Token token : ast.groupBy()) {
      FieldInfo field = fields.resolve(token);
      if (!groupFields.contains(field.name())) {
        groupFields.add(field.name());
        groupKinds.add(ValueKind.of(field.type()));
      }
    }
    List<Aggregation.Aggregate> aggregates = new ArrayList<>();
    Map<String, String> outputs = new java.util.LinkedHashMap<>();
    Set<String> lowerKeys = new HashSet<>();
    int unnamed = 0;
    for (QueryAst.SelectItem item : ast.select()) {
      String key;
      String rowKey;
      if (item.isFields()) {
        throw sourceText.error(
            item.function(),
            SoqlException.MALFORMED_QUERY,
            "FIELDS() can not be combined with GROUP BY or aggregate functions");
      }
      if (item.function() == null) {
        FieldInfo field = fields.resolve(item.field());
        if (!groupFields.contains(field.name())) {
          throw sourceText.error(
              item.field(),
              SoqlException.MALFORMED_QUERY,
              "Field must be grouped or aggregated: " + field.name());
        }
        rowKey = field.name();
        key = item.alias() != null ? item.alias().text() : field.name();
      } else {
        Aggregation.Aggregate aggregate =
            aggregate(
                item.function(),
                item.field(),
                item.alias() != null ? item.alias().text() : "expr" + unnamed++);
        aggregates.add(aggregate);
        rowKey = aggregate.key();
        key = aggregate.key();
      }
      if (!lowerKeys.add(key.toLowerCase(java.util.Locale.ROOT))) {
        throw sourceText.error(
            item.alias() != null ? item.alias() : item.field(),
            SoqlException.MALFORMED_QUERY,
            "duplicate alias: " + key);
      }
      outputs.put(key, rowKey);
    }
    List<RecordOrdering.Key> keys = new ArrayList<>();
    for (QueryAst.OrderItem item : ast.orderBy()) {
      if (item.function() == null) {
        FieldInfo field = fields.sortable(item.field());
        if (!groupFields.contains(field.name())) {
          throw sourceText.error(
              item.field(),
              SoqlException.MALFORMED_QUERY,
              "Ordered field must be grouped or aggregated: " + field.name());
        }
        keys.add(
            new RecordOrdering.Key(
                field.name(), ValueKind.of(field.type()), item.descending(), item.nullsFirst()));
        continue;
      }
      Aggregation.Aggregate same =
          column(aggregates, item.function(), item.field(), "\0order" + keys.size());
      ValueKind kind = resultKind(same);
      keys.add(new RecordOrdering.Key(same.key(), kind, item.descending(), item.nullsFirst()));
    }
    Where where = compileWhere(ast.where());
    Predicate<Map<String, Object>> having = null;
    if (ast.having() != null) {
      havingGroups = groupFields;
      havingAggregates = aggregates;
      having = compileWhere(ast.having()).filter();
      havingGroups = null;
      havingAggregates = null;
    }
    Aggregation aggregation = new Aggregation(groupFields, groupKinds, aggregates, outputs, having);
    return new CompiledQuery(
        object,
        aggregation.outputKeys(),
        false,
        ast.limit(),
        ast.offset(),
        where.filter(),
        where.semiJoins(),
        keys.isEmpty() ? null : new RecordOrdering(keys),
        List.of(),
        aggregation);
  }

  /**
   * The aggregate column for {@code FUNCTION(field)}: a selected one if any, else a new hidden one.
   */
  private Aggregation.Aggregate column(
      List<Aggregation.Aggregate> aggregates, Token function, Token field, String hiddenKey) {
    Aggregation.Aggregate wanted = aggregate(function, field, hiddenKey);
    for (Aggregation.Aggregate a : aggregates) {
      if (a.function() == wanted.function() && a.field().equals(wanted.field())) {
        return a;
      }
    }
    aggregates.add(wanted);
    return wanted;
  }

  /** MIN and MAX answer values of their field's kind; the other functions numbers. */
  private static ValueKind resultKind(Aggregation.Aggregate aggregate) {
    return aggregate.function() == Aggregation.Function.MIN
            || aggregate.function() == Aggregation.Function.MAX
        ? aggregate.kind()
        : ValueKind.NUMBER;
  }

  /** {@code FUNCTION(field) op value} in HAVING, over the aggregate's column of each result row. */
  private Predicate<Map<String, Object>> compileAggregateComparison(
      Condition.AggregateComparison comparison) {
    Aggregation.Aggregate column =
        column(
            havingAggregates,
            comparison.function(),
            comparison.field(),
            "\0having" + havingAggregates.size());
    ValueKind kind = resultKind(column);
    // Named as written (COUNT(Id)) in errors about the value.
    FieldInfo asField =
        new FieldInfo(
            comparison.function().upperText() + "(" + column.field() + ")",
            kind == ValueKind.NUMBER ? "double" : fields.resolve(comparison.field()).type(),
            true,
            true);
    ComparisonOperator operator = comparison.operator();
    if (comparison.value().kind() == Literal.Kind.NULL) {
      if (operator.isOrdering()) {
        throw values.orderingWithNull(comparison.operatorToken());
      }
      return RecordPredicates.isNull(column.key(), kind, operator == ComparisonOperator.EQUALS);
    }
    Comparable<?> key = values.key(comparison.value(), asField);
    return RecordPredicates.compare(column.key(), kind, operator, key);
  }

  /** In HAVING, plain fields must be grouped ones. */
  private void checkGrouped(Token token) {
    if (havingGroups != null) {
      FieldInfo field = fields.resolve(token);
      if (!havingGroups.contains(field.name())) {
        throw sourceText.error(
            token,
            SoqlException.MALFORMED_QUERY,
            "Field must be grouped or aggregated: " + field.name());
      }
    }
  }

  /** {@code FUNCTION(field)}, checked against the field's type as Salesforce does. */
  private Aggregation.Aggregate aggregate(Token functionToken, Token fieldToken, String key) {
    Aggregation.Function function = Aggregation.Function.valueOf(functionToken.upperText());
    FieldInfo field = fields.resolve(fieldToken);
    ValueKind kind = ValueKind.of(field.type());
    boolean supported =
        switch (function) {
          case SUM, AVG -> kind == ValueKind.NUMBER;
          case MIN, MAX -> kind != ValueKind.BOOLEAN;
          default -> true;
        };
    if (!supported) {
      throw sourceText.error(
          fieldToken,
          SoqlException.INVALID_FIELD,
          "field " + field.name() + " does not support aggregate operator " + function);
    }
    return new Aggregation.Aggregate(key, function, field.name(), kind);
  }

  private static void addSelected(Set<String> selected, String name) {
    if (!selected.add(name)) {
      // Salesforce reports this one without a position.
      throw new SoqlException(SoqlException.INVALID_FIELD, "duplicate field selected: " + name);
    }
  }

  /**
   * {@code FIELDS(STANDARD|CUSTOM|ALL)}: the object's fields of that group in describe order;
   * CUSTOM and ALL only with a LIMIT of at most 200, as in Salesforce.
   */
  private List<String> fieldGroup(QueryAst.SelectItem item, Integer limit) {
    String group = item.field().upperText();
    if (!group.equals("STANDARD") && (limit == null || limit > MAX_FIELDS_LIMIT)) {
      throw sourceText.error(
          item.function(),
          SoqlException.MALFORMED_QUERY,
          "The SOQL FIELDS function must have a LIMIT of at most " + MAX_FIELDS_LIMIT);
    }
    List<String> names = new ArrayList<>();
    for (FieldInfo field : schema.fields(object)) {
      boolean custom = field.name().endsWith("__c");
      if (group.equals("ALL") || custom == group.equals("CUSTOM")) {
        names.add(field.name());
      }
    }
    return names;
  }

  /**
   * {@code (SELECT ... FROM Contacts)}: the FROM names a child relationship of the outer object.
   */
  private CompiledQuery.Child compileChild(String parent, QueryAst subquery) {
    Token relationship = subquery.object();
    SoqlSchema.ChildRelationship rel =
        schema
            .childRelationship(parent, relationship.text())
            .orElseThrow(
                () ->
                    sourceText.error(
                        relationship,
                        SoqlException.INVALID_TYPE,
                        "Didn't understand"
                            + " relationship '"
                            + relationship.text()
                            + "' in FROM part of query call. If you are"
                            + " attempting to use a custom relationship, be sure to append the '__r' after the custom"
                            + " relationship name. Please reference your WSDL or the describe call for the appropriate"
                            + " names."));
    if (subquery.count()) {
      throw sourceText.error(
          relationship,
          SoqlException.MALFORMED_QUERY,
          "COUNT() is not supported in a child relationship subquery");
    }
    CompiledQuery query =
        new QueryCompiler(sourceText, schema, rel.childObject())
            .compile(subquery, rel.childObject());
    return new CompiledQuery.Child(rel.name(), rel.referenceField(), query);
  }

  private RecordOrdering compileOrdering(List<QueryAst.OrderItem> items) {
    List<RecordOrdering.Key> keys = new ArrayList<>();
    for (QueryAst.OrderItem item : items) {
      if (item.function() != null) {
        throw sourceText.error(
            item.function(),
            SoqlException.MALFORMED_QUERY,
            "Aggregate functions in"
                + " ORDER BY need an aggregate query (GROUP BY or an aggregate function in the select list)");
      }
      FieldInfo field = fields.sortable(item.field());
      keys.add(
          new RecordOrdering.Key(
              field.name(), ValueKind.of(field.type()), item.descending(), item.nullsFirst()));
    }
    return new RecordOrdering(keys);
  }

  /** A compiled WHERE: the filter, or with semi-joins the filter's factory bound at each run. */
  private record Where(Predicate<Map<String, Object>> filter, SemiJoins semiJoins) {}

  private Where compileWhere(Condition where) {
    if (where == null) {
      return new Where(record -> true, null);
    }
    List<SemiJoins.Join> joins = new ArrayList<>();
    Bound bound = compileCondition(where, joins);
    if (joins.isEmpty()) {
      return new Where(bound.apply(List.of()), null);
    }
    return new Where(
        record -> {
          throw new IllegalStateException(
              "a query with semi-joins runs only against an org's records");
        },
        new SemiJoins(joins, bound));
  }

  /** A condition given the id sets of the semi-joins; other conditions ignore them. */
  private interface Bound extends Function<List<Set<Object>>, Predicate<Map<String, Object>>> {
    static Bound of(Predicate<Map<String, Object>> predicate) {
      return sets -> predicate;
    }
  }

  private Bound compileCondition(Condition condition, List<SemiJoins.Join> joins) {
    if (condition instanceof Condition.And and) {
      List<Bound> operands = compileAll(and.operands(), joins);
      return sets -> RecordPredicates.and(operands.stream().map(o -> o.apply(sets)).toList());
    }
    if (condition instanceof Condition.Or or) {
      List<Bound> operands = compileAll(or.operands(), joins);
      return sets -> RecordPredicates.or(operands.stream().map(o -> o.apply(sets)).toList());
    }
    if (condition instanceof Condition.Not not) {
      Bound operand = compileCondition(not.operand(), joins);
      return sets -> operand.apply(sets).negate();
    }
    if (condition instanceof Condition.Comparison comparison) {
      checkGrouped(comparison.field());
      return Bound.of(compileComparison(comparison));
    }
    if (condition instanceof Condition.AggregateComparison comparison) {
      return Bound.of(compileAggregateComparison(comparison));
    }
    if (condition instanceof Condition.In in) {
      checkGrouped(in.field());
      return Bound.of(compileIn(in));
    }
    if (condition instanceof Condition.SemiJoin semiJoin) {
      if (havingGroups != null) {
        throw sourceText.error(
            semiJoin.opening(),
            SoqlException.MALFORMED_QUERY,
            "Semi join sub-selects are not allowed in HAVING");
      }
      return compileSemiJoin(semiJoin, joins);
    }
    Condition.Like like = (Condition.Like) condition;
    checkGrouped(like.field());
    return Bound.of(compileLike(like));
  }

  private List<Bound> compileAll(List<Condition> operands, List<SemiJoins.Join> joins) {
    List<Bound> compiled = new ArrayList<>(operands.size());
    for (Condition operand : operands) {
      compiled.add(compileCondition(operand, joins));
    }
    return compiled;
  }

  /**
   * {@code field [NOT] IN (SELECT refField FROM Object ...)}, with Salesforce's restrictions: an id
   * or reference field on both sides, one selected field, no aggregates or subqueries inside.
   */
  private Bound compileSemiJoin(Condition.SemiJoin semiJoin, List<SemiJoins.Join> joins) {
    FieldInfo field = fields.filterable(semiJoin.field());
    if (ValueKind.of(field.type()) != ValueKind.ID) {
      throw sourceText.error(
          semiJoin.field(),
          SoqlException.MALFORMED_QUERY,
          "The left operand of a semi"
              + " join or anti-join must be an id or reference field, not: "
              + field.name());
    }
    QueryAst sub = semiJoin.subquery();
    String subObject =
        schema
            .canonicalObjectName(sub.object().text())
            .orElseThrow(
                () ->
                    sourceText.error(
                        sub.object(),
                        SoqlException.INVALID_TYPE,
                        "sObject type '"
                            + sub.object().text()
                            + "' is not"
                            + " supported. If you are attempting to use a custom object, be sure to append the '__c'"
                            + " after the entity name. Please reference your WSDL or the describe call for the"
                            + " appropriate names."));
    if (sub.count()
        || sub.aggregated()
        || sub.select().size() != 1
        || !sub.subqueries().isEmpty()
        || sub.select().get(0).alias() != null) {
      throw sourceText.error(
          semiJoin.opening(),
          SoqlException.MALFORMED_QUERY,
          "A semi join sub-select"
              + " must select exactly one id or reference field, without aggregates or aliases");
    }
    Token selectToken = sub.select().get(0).field();
    FieldInfo selected = new FieldResolver(sourceText, schema, subObject).resolve(selectToken);
    if (ValueKind.of(selected.type()) != ValueKind.ID) {
      throw sourceText.error(
          selectToken,
          SoqlException.MALFORMED_QUERY,
          "A semi join sub-select can only"
              + " select an id or reference field, not: "
              + selected.name());
    }
    if (joins.size() == MAX_SEMI_JOINS) {
      // Salesforce's limit; it also bounds the table scans one query can cause.
      throw sourceText.error(
          semiJoin.opening(),
          SoqlException.MALFORMED_QUERY,
          "No more than "
              + MAX_SEMI_JOINS
              + " semi join or anti-join sub-selects (IN / NOT IN) are allowed in a WHERE"
              + " clause");
    }
    CompiledQuery query = new QueryCompiler(sourceText, schema, subObject).compile(sub, subObject);
    int slot = joins.size();
    joins.add(new SemiJoins.Join(query, selected.name()));
    String name = field.name();
    boolean negated = semiJoin.negated();
    return sets -> {
      Set<Object> ids = sets.get(slot);
      return record -> ids.contains(ValueKind.ID.key(record.get(name))) != negated;
    };
  }

  private Predicate<Map<String, Object>> compileComparison(Condition.Comparison comparison) {
    FieldInfo field = fields.filterable(comparison.field());
    ValueKind kind = ValueKind.of(field.type());
    ComparisonOperator operator = comparison.operator();
    boolean equals = operator == ComparisonOperator.EQUALS;
    if (operator.isOrdering()) {
      values.checkOrdering(comparison.operatorToken(), field);
    }
    if (comparison.value().kind() == Literal.Kind.NULL) {
      if (operator.isOrdering()) {
        throw values.orderingWithNull(comparison.operatorToken());
      }
      return RecordPredicates.isNull(field.name(), kind, equals);
    }
    if (comparison.value().kind() == Literal.Kind.DATE_LITERAL) {
      return dateRange(field, kind, operator, comparison);
    }
    Comparable<?> key = values.key(comparison.value(), field);
    if (key == null) {
      // Empty text: Salesforce stores '' as null, so = '' and != '' are null tests; nothing orders
      // below it.
      return operator.isOrdering()
          ? record -> false
          : RecordPredicates.isNull(field.name(), kind, equals);
    }
    return RecordPredicates.compare(field.name(), kind, operator, key);
  }

  /**
   * {@code field op DATE_LITERAL}: compares with the literal's day range, on dates directly and on
   * datetimes from the range's first instant (UTC, the emulator org's time zone).
   */
  private Predicate<Map<String, Object>> dateRange(
      FieldInfo field,
      ValueKind kind,
      ComparisonOperator operator,
      Condition.Comparison comparison) {
    if (kind != ValueKind.DATE && kind != ValueKind.DATETIME) {
      throw new SoqlException(
          SoqlException.INVALID_QUERY_FILTER_OPERATOR,
          "value of filter criterion for"
              + " field '"
              + field.name()
              + "' must be of type "
              + ValueKind.messageTypeName(field.type())
              + "; the date literal "
              + comparison.value().text()
              + " needs a date or datetime field");
    }
    DateLiterals.Range r = DateLiterals.range(comparison.value().text(), CLOCK).orElseThrow();
    Comparable<?> start =
        kind == ValueKind.DATE ? r.start() : r.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    Comparable<?> end =
        kind == ValueKind.DATE ? r.end() : r.end().atStartOfDay().toInstant(ZoneOffset.UTC);
    String name = field.name();
    Predicate<Map<String, Object>> inside =
        rec -> {
          Comparable<?> v = kind.key(rec.get(name));
          return v != null
              && RecordPredicates.compareKeys(v, start) >= 0
              && RecordPredicates.compareKeys(v, end) < 0;
        };
    return switch (operator) {
      case EQUALS -> inside;
      case NOT_EQUALS -> inside.negate();
      default -> {
        // < before the start, <= before the end, > from the end, >= from the start.
        boolean below =
            operator == ComparisonOperator.LESS || operator == ComparisonOperator.LESS_OR_EQUAL;
        Comparable<?> bound =
            operator == ComparisonOperator.LESS || operator == ComparisonOperator.GREATER_OR_EQUAL
                ? start
                : end;
        yield rec -> {
          Comparable<?> v = kind.key(rec.get(name));
          return v != null
              && (below
                  ? RecordPredicates.compareKeys(v, bound) < 0
                  : RecordPredicates.compareKeys(v, bound) >= 0);
        };
      }
    };
  }

  private Predicate<Map<String, Object>> compileIn(Condition.In in) {
    FieldInfo field = fields.filterable(in.field());
    Set<Object> keys = new HashSet<>();
    for (Literal literal : in.values()) {
      keys.add(literal.kind() == Literal.Kind.NULL ? null : values.key(literal, field));
    }
    return RecordPredicates.in(field.name(), ValueKind.of(field.type()), keys, in.negated());
  }

  private Predicate<Map<String, Object>> compileLike(Condition.Like like) {
    FieldInfo field = fields.filterable(like.field());
    values.checkLike(like.operatorToken(), field);
    return RecordPredicates.like(field.name(), like.pattern());
  }
}
