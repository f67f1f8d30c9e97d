package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.SalesforceIds;
import io.github.sfactions.emulator.soql.SoqlException;
import io.github.sfactions.emulator.soql.SoqlSchema.FieldInfo;

/**
 * Checks filter literals and operators against a field's type and turns literals into comparison
 * keys, with Salesforce's {@code INVALID_QUERY_FILTER_OPERATOR} errors for mismatches.
 */
final class FilterValues {

  private final SourceText sourceText;

  FilterValues(SourceText sourceText) {
    this.sourceText = sourceText;
  }

  /**
   * The comparison key of a non-NULL literal for the field, or null for empty text (which
   * Salesforce treats as null); refuses a literal of another type.
   */
  Comparable<?> key(Literal literal, FieldInfo field) {
    ValueKind kind = ValueKind.of(field.type());
    boolean rightType =
        switch (kind) {
          case ID, TEXT -> literal.kind() == Literal.Kind.STRING;
          case NUMBER -> literal.kind() == Literal.Kind.NUMBER;
          case BOOLEAN ->
              literal.kind() == Literal.Kind.TRUE || literal.kind() == Literal.Kind.FALSE;
          case DATE -> literal.kind() == Literal.Kind.DATE;
          case DATETIME -> literal.kind() == Literal.Kind.DATETIME;
        };
    if (!rightType) {
      boolean quoted = kind == ValueKind.ID || kind == ValueKind.TEXT;
      throw sourceText.error(
          literal.token(),
          SoqlException.INVALID_QUERY_FILTER_OPERATOR,
          "value of filter criterion for field '"
              + field.name()
              + "' must be of type "
              + ValueKind.messageTypeName(field.type())
              + " and should "
              + (quoted ? "" : "not ")
              + "be enclosed in quotes");
    }
    if (kind == ValueKind.ID
        && !literal.text().isEmpty()
        && !SalesforceIds.isWellFormed(literal.text())) {
      throw sourceText.error(
          literal.token(),
          SoqlException.INVALID_QUERY_FILTER_OPERATOR,
          "invalid ID field: " + literal.text());
    }
    if (kind == ValueKind.BOOLEAN) {
      return literal.kind() == Literal.Kind.TRUE;
    }
    return kind.key(literal.text());
  }

  /** Refuses an ordering comparison on a type without order (boolean). */
  void checkOrdering(Token operator, FieldInfo field) {
    if (!ValueKind.of(field.type()).supportsOrdering()) {
      throw invalidOperator(operator, field);
    }
  }

  /** Refuses LIKE on anything but text. */
  void checkLike(Token operator, FieldInfo field) {
    if (!ValueKind.of(field.type()).supportsLike()) {
      throw invalidOperator(operator, field);
    }
  }

  /** Refuses an ordering comparison with NULL. */
  SoqlException orderingWithNull(Token operator) {
    return sourceText.error(
        operator,
        SoqlException.INVALID_QUERY_FILTER_OPERATOR,
        "invalid operator on null value: " + operator.text());
  }

  private SoqlException invalidOperator(Token operator, FieldInfo field) {
    return sourceText.error(
        operator,
        SoqlException.INVALID_QUERY_FILTER_OPERATOR,
        "invalid operator '"
            + operator.text()
            + "' on field '"
            + field.name()
            + "' of type "
            + ValueKind.messageTypeName(field.type()));
  }
}
