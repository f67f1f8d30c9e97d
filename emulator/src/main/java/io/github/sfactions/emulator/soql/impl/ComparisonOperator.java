package io.github.sfactions.emulator.soql.impl;

/** The binary comparison operators of a SOQL filter (LIKE and IN have their own conditions). */
enum ComparisonOperator {
  EQUALS,
  NOT_EQUALS,
  LESS,
  LESS_OR_EQUAL,
  GREATER,
  GREATER_OR_EQUAL;

  /** Whether the operator orders values rather than testing (in)equality. */
  public boolean isOrdering() {
    return this != EQUALS && this != NOT_EQUALS;
  }

  /** Applies an ordering operator to a {@code compareTo} result. */
  public boolean acceptsComparison(int comparison) {
    return switch (this) {
      case EQUALS -> comparison == 0;
      case NOT_EQUALS -> comparison != 0;
      case LESS -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
    };
  }

  /** The operator a token stands for, or null when the token is no comparison operator. */
  static ComparisonOperator of(TokenType type) {
    return switch (type) {
      case EQUALS -> EQUALS;
      case NOT_EQUALS -> NOT_EQUALS;
      case LESS -> LESS;
      case LESS_OR_EQUAL -> LESS_OR_EQUAL;
      case GREATER -> GREATER;
      case GREATER_OR_EQUAL -> GREATER_OR_EQUAL;
      default -> null;
    };
  }
}
