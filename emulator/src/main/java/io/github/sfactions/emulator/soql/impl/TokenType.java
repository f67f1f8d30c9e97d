package io.github.sfactions.emulator.soql.impl;

/** Lexical categories of SOQL; keywords are {@link #IDENTIFIER}s recognised by the parser. */
enum TokenType {
  IDENTIFIER,
  /** Single-quoted string; the token text keeps the quotes and the raw escapes. */
  STRING,
  NUMBER,
  DATE,
  DATETIME,
  COMMA,
  LEFT_PAREN,
  RIGHT_PAREN,
  EQUALS,
  NOT_EQUALS,
  LESS,
  LESS_OR_EQUAL,
  GREATER,
  GREATER_OR_EQUAL,
  /**
   * A character SOQL has no use for (e.g. {@code *}, {@code ;}, {@code "}); the parser reports it.
   */
  OTHER,
  /** Text the lexer cannot read at all (an unterminated string); carries its own error message. */
  ERROR,
  EOF
}
