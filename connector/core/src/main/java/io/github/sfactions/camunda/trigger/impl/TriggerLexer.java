package io.github.sfactions.camunda.trigger.impl;

import io.github.sfactions.camunda.trigger.TriggerSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Splits a trigger text into tokens; the last token is always {@link Token.Kind#END}. */
final class TriggerLexer {

  private final String text;
  private int i;

  TriggerLexer(String text) {
    this.text = text;
  }

  List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpace();
      if (i >= text.length()) {
        tokens.add(new Token(Token.Kind.END, "", i + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = i;
    char c = text.charAt(i);
    switch (c) {
      case '(' -> {
        i++;
        return new Token(Token.Kind.OPEN, "(", start + 1);
      }
      case ')' -> {
        i++;
        return new Token(Token.Kind.CLOSE, ")", start + 1);
      }
      case ',' -> {
        i++;
        return new Token(Token.Kind.COMMA, ",", start + 1);
      }
      case '.' -> {
        i++;
        return new Token(Token.Kind.DOT, ".", start + 1);
      }
      case '"', '\'' -> {
        return string(c);
      }
      case '`' -> {
        return quotedWord();
      }
      case '=', '!', '<', '>' -> {
        return operator();
      }
      default -> {
        if (Character.isDigit(c)
            || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
          return number();
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
          while (i < text.length()
              && (Character.isLetterOrDigit(text.charAt(i))
                  || text.charAt(i) == '_'
                  || text.charAt(i) == '$'
                  || text.charAt(i) == '-')) {
            i++;
          }
          return new Token(Token.Kind.WORD, text.substring(start, i), start + 1);
        }
        throw new TriggerSyntaxException(text, start + 1, "unexpected character '" + c + "'");
      }
    }
  }

  private Token operator() {
    int start = i;
    char c = text.charAt(i++);
    boolean eq = i < text.length() && text.charAt(i) == '=';
    if (c == '=') {
      if (eq) {
        i++; // "==" is accepted as "="
      }
      return new Token(Token.Kind.OPERATOR, "=", start + 1);
    }
    if (eq) {
      i++;
      return new Token(Token.Kind.OPERATOR, c + "=", start + 1);
    }
    return new Token(Token.Kind.OPERATOR, String.valueOf(c), start + 1);
  }

  private Token string(char quote) {
    int start = i++;
    StringBuilder value = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c == quote) {
        return new Token(Token.Kind.STRING, value.toString(), start + 1);
      }
      if (c == '\\' && i < text.length()) {
        char escaped = text.charAt(i++);
        value.append(
            switch (escaped) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> escaped;
            });
      } else {
        value.append(c);
      }
    }
    throw new TriggerSyntaxException(
        text, start + 1, "the text starting here has no closing " + quote);
  }

  private Token quotedWord() {
    int start = i++;
    int end = text.indexOf('`', i);
    if (end < 0) {
      throw new TriggerSyntaxException(
          text, start + 1, "the field name starting here has no closing `");
    }
    String name = text.substring(i, end);
    i = end + 1;
    return new Token(Token.Kind.WORD, name, start + 1);
  }

  private Token number() {
    int start = i;
    i++;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    String n = text.substring(start, i);
    try {
      new java.math.BigDecimal(n);
    } catch (NumberFormatException e) {
      throw new TriggerSyntaxException(text, start + 1, "'" + n + "' is not a number");
    }
    return new Token(Token.Kind.NUMBER, n, start + 1);
  }

  private void skipSpace() {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
  }
}
