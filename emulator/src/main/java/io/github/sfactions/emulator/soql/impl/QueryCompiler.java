package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import io.github.sfactions.emulator.soql.SoqlSchema;
import io.github.sfactions.emulator.soql.SoqlSchema.FieldInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves a parsed query against the schema (object, fields, filterable/sortable flags, value types) and
 * compiles its WHERE and ORDER BY into executable form. Checks run in query order after the object, so the
 * first problem reported is the first one Salesforce would report.
 */
public final class QueryCompiler {

    private static final String ID_FIELD = "Id";
    private static final FieldInfo DEFAULT_ID = new FieldInfo(ID_FIELD, "id", true, true);

    private final SourceText sourceText;
    private final SoqlSchema schema;
    private String object;

    private QueryCompiler(SourceText sourceText, SoqlSchema schema) {
        this.sourceText = sourceText;
        this.schema = schema;
    }

    /** Parses, validates and compiles; throws {@link SoqlException} with Salesforce's code and text. */
    public static CompiledQuery compile(String soql, SoqlSchema schema) {
        Objects.requireNonNull(soql, "soql");
        Objects.requireNonNull(schema, "schema");
        SourceText sourceText = new SourceText(soql, SoqlLexer.tokenize(soql));
        QueryAst ast = SoqlParser.parse(sourceText);
        return new QueryCompiler(sourceText, schema).compile(ast);
    }

    private CompiledQuery compile(QueryAst ast) {
        object = schema.canonicalObjectName(ast.object().text()).orElseThrow(() -> sourceText.error(ast.object(),
                SoqlException.INVALID_TYPE, "sObject type '" + ast.object().text() + "' is not supported. If you are"
                        + " attempting to use a custom object, be sure to append the '__c' after the entity name."
                        + " Please reference your WSDL or the describe call for the appropriate names."));
        Set<String> selected = new LinkedHashSet<>();
        for (Token token : ast.selectFields()) {
            String name = resolveField(token).name();
            if (!selected.add(name)) {
                // Salesforce reports this one without a position.
                throw new SoqlException(SoqlException.INVALID_FIELD, "duplicate field selected: " + name);
            }
        }
        Predicate<Map<String, Object>> filter = ast.where() == null ? record -> true : compileCondition(ast.where());
        RecordOrdering ordering = ast.orderBy().isEmpty() ? null : compileOrdering(ast.orderBy());
        return new CompiledQuery(object, List.copyOf(selected), ast.count(), ast.limit(), filter, ordering);
    }

    private RecordOrdering compileOrdering(List<QueryAst.OrderItem> items) {
        List<RecordOrdering.Key> keys = new ArrayList<>();
        for (QueryAst.OrderItem item : items) {
            FieldInfo field = resolveField(item.field());
            if (!field.sortable()) {
                throw sourceText.error(item.field(), SoqlException.INVALID_FIELD,
                        "field '" + field.name() + "' can not be sorted in a query call");
            }
            keys.add(new RecordOrdering.Key(field.name(), ValueKind.of(field.type()), item.descending(),
                    item.nullsFirst()));
        }
        return new RecordOrdering(keys);
    }

    private Predicate<Map<String, Object>> compileCondition(Condition condition) {
        if (condition instanceof Condition.And and) {
            return RecordPredicates.and(compileAll(and.operands()));
        }
        if (condition instanceof Condition.Or or) {
            return RecordPredicates.or(compileAll(or.operands()));
        }
        if (condition instanceof Condition.Not not) {
            return compileCondition(not.operand()).negate();
        }
        if (condition instanceof Condition.Comparison comparison) {
            return compileComparison(comparison);
        }
        if (condition instanceof Condition.In in) {
            return compileIn(in);
        }
        return compileLike((Condition.Like) condition);
    }

    @SuppressWarnings("unchecked")
    private Predicate<Map<String, Object>>[] compileAll(List<Condition> operands) {
        Predicate<Map<String, Object>>[] compiled = new Predicate[operands.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compileCondition(operands.get(i));
        }
        return compiled;
    }

    private Predicate<Map<String, Object>> compileComparison(Condition.Comparison comparison) {
        FieldInfo field = filterableField(comparison.field());
        ValueKind kind = ValueKind.of(field.type());
        ComparisonOperator operator = comparison.operator();
        Literal literal = comparison.value();
        if (operator.isOrdering() && !kind.supportsOrdering()) {
            throw invalidOperator(comparison.operatorToken(), field);
        }
        if (literal.kind() == Literal.Kind.NULL) {
            if (operator.isOrdering()) {
                throw sourceText.error(comparison.operatorToken(), SoqlException.INVALID_QUERY_FILTER_OPERATOR,
                        "invalid operator on null value: " + comparison.operatorToken().text());
            }
            return RecordPredicates.isNull(field.name(), kind, operator == ComparisonOperator.EQUALS);
        }
        Comparable<?> key = literalKey(literal, field, kind);
        if (key == null) {
            // Empty text: Salesforce stores '' as null, so = '' and != '' are null tests; nothing orders below it.
            return operator.isOrdering() ? record -> false
                    : RecordPredicates.isNull(field.name(), kind, operator == ComparisonOperator.EQUALS);
        }
        return RecordPredicates.compare(field.name(), kind, operator, key);
    }

    private Predicate<Map<String, Object>> compileIn(Condition.In in) {
        FieldInfo field = filterableField(in.field());
        ValueKind kind = ValueKind.of(field.type());
        Set<Object> keys = new HashSet<>();
        for (Literal literal : in.values()) {
            keys.add(literal.kind() == Literal.Kind.NULL ? null : literalKey(literal, field, kind));
        }
        return RecordPredicates.in(field.name(), kind, keys, in.negated());
    }

    private Predicate<Map<String, Object>> compileLike(Condition.Like like) {
        FieldInfo field = filterableField(like.field());
        if (!ValueKind.of(field.type()).supportsLike()) {
            throw invalidOperator(like.operatorToken(), field);
        }
        return RecordPredicates.like(field.name(), like.pattern());
    }

    /** The comparison key of a literal for the field, or null for empty text; refuses a literal of another type. */
    private Comparable<?> literalKey(Literal literal, FieldInfo field, ValueKind kind) {
        boolean rightType = switch (kind) {
            case ID, TEXT -> literal.kind() == Literal.Kind.STRING;
            case NUMBER -> literal.kind() == Literal.Kind.NUMBER;
            case BOOLEAN -> literal.kind() == Literal.Kind.TRUE || literal.kind() == Literal.Kind.FALSE;
            case DATE -> literal.kind() == Literal.Kind.DATE;
            case DATETIME -> literal.kind() == Literal.Kind.DATETIME;
        };
        if (!rightType) {
            boolean quoted = kind == ValueKind.ID || kind == ValueKind.TEXT;
            throw sourceText.error(literal.token(), SoqlException.INVALID_QUERY_FILTER_OPERATOR,
                    "value of filter criterion for field '" + field.name() + "' must be of type "
                            + ValueKind.messageTypeName(field.type()) + " and should "
                            + (quoted ? "" : "not ") + "be enclosed in quotes");
        }
        if (kind == ValueKind.ID && !literal.text().isEmpty() && !SalesforceIds.isWellFormed(literal.text())) {
            throw sourceText.error(literal.token(), SoqlException.INVALID_QUERY_FILTER_OPERATOR,
                    "invalid ID field: " + literal.text());
        }
        return switch (kind) {
            case BOOLEAN -> literal.kind() == Literal.Kind.TRUE;
            default -> kind.key(literal.text());
        };
    }

    private SoqlException invalidOperator(Token operator, FieldInfo field) {
        return sourceText.error(operator, SoqlException.INVALID_QUERY_FILTER_OPERATOR, "invalid operator '"
                + operator.text() + "' on field '" + field.name() + "' of type "
                + ValueKind.messageTypeName(field.type()));
    }

    private FieldInfo filterableField(Token token) {
        FieldInfo field = resolveField(token);
        if (!field.filterable()) {
            throw sourceText.error(token, SoqlException.INVALID_FIELD,
                    "field '" + field.name() + "' can not be filtered in a query call");
        }
        return field;
    }

    /** Canonical field info; accepts the object's own name as a prefix ({@code Case.Subject}). */
    private FieldInfo resolveField(Token token) {
        String name = token.text();
        int dot = name.indexOf('.');
        if (dot >= 0) {
            String prefix = name.substring(0, dot);
            String rest = name.substring(dot + 1);
            if (!prefix.equalsIgnoreCase(object) || rest.isEmpty() || rest.indexOf('.') >= 0) {
                throw sourceText.error(token, SoqlException.INVALID_FIELD, "Didn't understand relationship '"
                        + prefix + "' in field path. If you are attempting to use a custom relationship, be sure"
                        + " to append the '__r' after the custom relationship name. Please reference your WSDL or"
                        + " the describe call for the appropriate names.");
            }
            name = rest;
        }
        String fieldName = name;
        return schema.field(object, fieldName)
                .or(() -> fieldName.equalsIgnoreCase(ID_FIELD) ? Optional.of(DEFAULT_ID)
                        : Optional.empty())
                .orElseThrow(() -> sourceText.error(token, SoqlException.INVALID_FIELD, "No such column '"
                        + fieldName + "' on entity '" + object + "'. If you are attempting to use a custom field,"
                        + " be sure to append the '__c' after the custom field name. Please reference your WSDL or"
                        + " the describe call for the appropriate names."));
    }
}
