package io.github.sfactions.emulator.soql.impl;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The compiled forms of WHERE conditions. Each reads one field of the record map, turns it into a comparison
 * key of its {@link ValueKind} and tests it against keys prepared once at parse time.
 *
 * <p>Null semantics follow SOQL, not SQL: {@code = null} matches null or missing values; {@code !=} and
 * {@code NOT IN} are true for a null value (it differs from every non-null value); ordering comparisons and
 * LIKE are false for a null value.
 */
public final class RecordPredicates {

    private RecordPredicates() {
    }

    /** Every operand must match. */
    public static Predicate<Map<String, Object>> and(Predicate<Map<String, Object>>[] operands) {
        return record -> {
            for (Predicate<Map<String, Object>> operand : operands) {
                if (!operand.test(record)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** At least one operand must match. */
    public static Predicate<Map<String, Object>> or(Predicate<Map<String, Object>>[] operands) {
        return record -> {
            for (Predicate<Map<String, Object>> operand : operands) {
                if (operand.test(record)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** {@code field = null} or {@code field != null}. */
    public static Predicate<Map<String, Object>> isNull(String field, ValueKind kind, boolean wantNull) {
        return record -> (kind.key(record.get(field)) == null) == wantNull;
    }

    /** {@code field op literal} for a non-null literal key. */
    public static Predicate<Map<String, Object>> compare(String field, ValueKind kind, ComparisonOperator operator,
                                                       Comparable<?> literal) {
        return switch (operator) {
            case EQUALS -> record -> literal.equals(kind.key(record.get(field)));
            case NOT_EQUALS -> record -> !literal.equals(kind.key(record.get(field)));
            default -> record -> {
                Comparable<?> value = kind.key(record.get(field));
                return value != null && operator.acceptsComparison(compareKeys(value, literal));
            };
        };
    }

    /** {@code field [NOT] IN (...)}; {@code keys} may contain null when the list holds NULL. */
    public static Predicate<Map<String, Object>> in(String field, ValueKind kind, Set<Object> keys, boolean negated) {
        return record -> keys.contains(kind.key(record.get(field))) != negated;
    }

    /** {@code field LIKE 'pattern'}; text fields only. */
    public static Predicate<Map<String, Object>> like(String field, LikePattern pattern) {
        return record -> {
            Object value = record.get(field);
            return value != null && pattern.matches(value.toString());
        };
    }

    /** Compares two keys of the same {@link ValueKind}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(Comparable<?> left, Comparable<?> right) {
        return ((Comparable) left).compareTo(right);
    }
}
