package io.github.sfactions.emulator.soql.impl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The compiled forms of WHERE conditions. Each reads one field of the record map, turns it into a
 * comparison key of its {@link ValueKind} and tests it against keys prepared once at parse time.
 *
 * <p>Null semantics follow SOQL, not SQL: {@code = null} matches null or missing values; {@code !=}
 * and {@code NOT IN} are true for a null value (it differs from every non-null value); ordering
 * comparisons and LIKE are false for a null value.
 */
final class RecordPredicates {

  private RecordPredicates() {}

  /** Every operand must match. */
  public static Predicate<Map<String, Object>> and(
      List<Predicate<Map<String, Object>>> operandList) {
    List<Predicate<Map<String, Object>>> operands = List.copyOf(operandList);
    return record -> {
      for (int i = 0; i < operands.size(); i++) {
        Predicate<Map<String, Object>> operand = operands.get(i);
        if (!operand.test(record)) {
          return false;
        }
      }
      return true;
    };
  }

  /** At least one operand must match. */
  public static Predicate<Map<String, Object>> or(
      List<Predicate<Map<String, Object>>> operandList) {
    List<Predicate<Map<String, Object>>> operands = List.copyOf(operandList);
    return record -> {
      for (int i = 0; i < operands.size(); i++) {
        Predicate<Map<String, Object>> operand = operands.get(i);
        if (operand.test(record)) {
          return true;
        }
      }
      return false;
    };
  }

  /** {@code field = null} or {@code field != null}. */
  public static Predicate<Map<String, Object>> isNull(
      String field, ValueKind kind, boolean wantNull) {
    return record -> (kind.key(record.get(field)) == null) == wantNull;
  }

  /** {@code field op literal} for a non-null literal key. */
  public static Predicate<Map<String, Object>> compare(
      String field, ValueKind kind, ComparisonOperator operator, Comparable<?> literal) {
    if (kind == ValueKind.TEXT && !operator.isOrdering()) {
      return textEquality(field, (String) literal, operator == ComparisonOperator.EQUALS);
    }
    if (kind == ValueKind.ID && !operator.isOrdering()) {
      return idEquality(field, (String) literal, operator == ComparisonOperator.EQUALS);
    }
    return switch (operator) {
      case EQUALS -> record -> literal.equals(kind.key(record.get(field)));
      case NOT_EQUALS -> record -> !literal.equals(kind.key(record.get(field)));
      default ->
          record -> {
            Comparable<?> value = kind.key(record.get(field));
            return value != null && operator.acceptsComparison(compareKeys(value, literal));
          };
    };
  }

  /**
   * Text (in)equality without folding a copy of every stored value; empty text never equals a
   * literal.
   */
  private static Predicate<Map<String, Object>> textEquality(
      String field, String foldedLiteral, boolean equal) {
    return record -> {
      Object value = record.get(field);
      boolean same =
          value instanceof String text
              ? TextFold.equalsFolded(text, foldedLiteral)
              : foldedLiteral.equals(ValueKind.TEXT.key(value));
      return same == equal;
    };
  }

  /**
   * Id (in)equality. Two 18-character ids name the same record exactly when they are equal ignoring
   * case (the checksum encodes the case), so stored 18-character ids need no normalisation.
   */
  private static Predicate<Map<String, Object>> idEquality(
      String field, String normalizedLiteral, boolean equal) {
    return record -> {
      Object value = record.get(field);
      boolean same =
          value instanceof String text && text.length() == normalizedLiteral.length()
              ? text.equalsIgnoreCase(normalizedLiteral)
              : normalizedLiteral.equals(ValueKind.ID.key(value));
      return same == equal;
    };
  }

  /** {@code field [NOT] IN (...)}; {@code keys} may contain null when the list holds NULL. */
  public static Predicate<Map<String, Object>> in(
      String field, ValueKind kind, Set<Object> keys, boolean negated) {
    return record -> keys.contains(kind.key(record.get(field))) != negated;
  }

  /** {@code field LIKE 'pattern'}; text fields only. */
  public static Predicate<Map<String, Object>> like(String field, LikePattern pattern) {
    return record -> {
      Object value = record.get(field);
      // Empty text is null in Salesforce, and null never matches, not even '%'.
      return value != null && !"".equals(value) && pattern.matches(value.toString());
    };
  }

  /** Compares two keys of the same {@link ValueKind}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareKeys(Comparable<?> left, Comparable<?> right) {
    return ((Comparable) left).compareTo(right);
  }
}
