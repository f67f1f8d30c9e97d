package io.github.sfactions.emulator.soql.impl;

/**
 * A filter value as written in the query, before it is checked against its field's type.
 *
 * @param kind what the literal is
 * @param token where it stands, for error positions
 * @param text the decoded value for strings, the source text otherwise
 */
record Literal(Kind kind, Token token, String text) {

  /** Lexical kinds of SOQL filter values. */
  public enum Kind {
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    DATE,
    DATETIME,
    DATE_LITERAL
  }
}
