package io.github.sfactions.camunda.trigger.impl;

/** A token of the trigger language with its 1-based column. */
record Token(Kind kind, String text, int column) {

  /** Token kinds. */
  enum Kind {
    WORD,
    STRING,
    NUMBER,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    DOT,
    END
  }
}
