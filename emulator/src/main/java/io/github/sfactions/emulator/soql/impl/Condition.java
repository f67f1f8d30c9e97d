package io.github.sfactions.emulator.soql.impl;

import java.util.List;

/** The syntax tree of a WHERE clause, before field names and value types are resolved. */
sealed interface Condition {

  /** Conditions joined by AND. */
  record And(List<Condition> operands) implements Condition {}

  /** Conditions joined by OR. */
  record Or(List<Condition> operands) implements Condition {}

  /** {@code NOT condition}. */
  record Not(Condition operand) implements Condition {}

  /** {@code field op value}. */
  record Comparison(Token field, ComparisonOperator operator, Token operatorToken, Literal value)
      implements Condition {}

  /** {@code FUNCTION(field) op value}, in HAVING only. */
  record AggregateComparison(
      Token function, Token field, ComparisonOperator operator, Token operatorToken, Literal value)
      implements Condition {}

  /** {@code field [NOT] IN (values)}. */
  record In(Token field, boolean negated, List<Literal> values) implements Condition {}

  /**
   * {@code field [NOT] IN (SELECT refField FROM Object ...)}: a semi-join, or with NOT an
   * anti-join.
   */
  record SemiJoin(Token field, boolean negated, Token opening, QueryAst subquery)
      implements Condition {}

  /** {@code field LIKE 'pattern'}; the pattern is already decoded with LIKE escapes. */
  record Like(Token field, Token operatorToken, Token patternToken, LikePattern pattern)
      implements Condition {}
}
