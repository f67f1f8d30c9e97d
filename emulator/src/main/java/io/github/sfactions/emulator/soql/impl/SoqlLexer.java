package io.github.sfactions.emulator.soql.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SOQL string into tokens. Never throws: text it cannot read becomes an {@link
 * TokenType#ERROR} or {@link TokenType#OTHER} token so that the parser reports it at the right
 * place, after any earlier syntax error.
 */
final class SoqlLexer {

  /**
   * A date, optionally followed by {@code T} and anything a time with a zone may contain; the
   * parser checks the exact shape so that a datetime without seconds or zone gets a clear message
   * instead of a stray token.
   */
  private static final Pattern TEMPORAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.+\\-Z]*)?");

  private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private SoqlLexer(String source) {
    this.source = source;
  }

  /** Tokenises the whole query; the last token is always {@link TokenType#EOF}. */
  public static List<Token> tokenize(String source) {
    SoqlLexer lexer = new SoqlLexer(source);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (true) {
      skipWhitespace();
      if (pos >= source.length()) {
        // Report the end right after the last token, not after trailing blanks or on an empty last
        // line.
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        add(TokenType.EOF, end, end, null);
        return;
      }
      char c = source.charAt(pos);
      if (c == '\'') {
        readString();
      } else if (isIdentifierStart(c)) {
        readIdentifier();
      } else if (Character.isDigit(c) || startsNumber(c)) {
        readNumberOrTemporal();
      } else {
        readSymbol(c);
      }
    }
  }

  private void skipWhitespace() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
  }

  private boolean startsNumber(char c) {
    if (c != '-' && c != '.') {
      return false;
    }
    int next = pos + 1;
    if (c == '-' && next < source.length() && source.charAt(next) == '.') {
      next++;
    }
    return next < source.length() && Character.isDigit(source.charAt(next));
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || (c < 128 && Character.isLetter(c));
  }

  private static boolean isIdentifierPart(char c) {
    return c == '_' || c == '.' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private void readIdentifier() {
    int start = pos;
    while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
      pos++;
    }
    // Date literals with a count are one token: LAST_N_DAYS:30.
    if (pos + 1 < source.length()
        && source.charAt(pos) == ':'
        && Character.isDigit(source.charAt(pos + 1))) {
      pos++;
      while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
        pos++;
      }
    }
    add(TokenType.IDENTIFIER, start, pos, null);
  }

  /**
   * Finds the closing quote; a backslash always consumes the next character, escapes are decoded
   * later.
   */
  private void readString() {
    int start = pos;
    pos++;
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '\'') {
        pos++;
        add(TokenType.STRING, start, pos, null);
        return;
      } else {
        pos++;
      }
    }
    pos = source.length();
    int[] rowColumn = SourceText.rowAndColumn(source, pos);
    add(
        TokenType.ERROR,
        start,
        pos,
        "line "
            + rowColumn[0]
            + ":"
            + (rowColumn[1] - 1)
            + " mismatched character '<EOF>' expecting '''");
  }

  private void readNumberOrTemporal() {
    int start = pos;
    Matcher temporal = TEMPORAL.matcher(source).region(pos, source.length());
    if (Character.isDigit(source.charAt(pos)) && temporal.lookingAt()) {
      pos = temporal.end();
      add(temporal.group(1) == null ? TokenType.DATE : TokenType.DATETIME, start, pos, null);
      return;
    }
    Matcher number = NUMBER.matcher(source).region(pos, source.length());
    if (!number.lookingAt()) {
      readSymbol(source.charAt(pos));
      return;
    }
    pos = number.end();
    add(TokenType.NUMBER, start, pos, null);
  }

  private void readSymbol(char c) {
    int start = pos;
    char next = pos + 1 < source.length() ? source.charAt(pos + 1) : '\0';
    switch (c) {
      case ',' -> single(TokenType.COMMA);
      case '(' -> single(TokenType.LEFT_PAREN);
      case ')' -> single(TokenType.RIGHT_PAREN);
      case '=' -> single(TokenType.EQUALS);
      case '!' -> {
        if (next == '=') {
          pos += 2;
          add(TokenType.NOT_EQUALS, start, pos, null);
        } else {
          single(TokenType.OTHER);
        }
      }
      case '<' -> {
        if (next == '=' || next == '>') {
          pos += 2;
          add(next == '=' ? TokenType.LESS_OR_EQUAL : TokenType.NOT_EQUALS, start, pos, null);
        } else {
          single(TokenType.LESS);
        }
      }
      case '>' -> {
        if (next == '=') {
          pos += 2;
          add(TokenType.GREATER_OR_EQUAL, start, pos, null);
        } else {
          single(TokenType.GREATER);
        }
      }
      default -> {
        // A whole code point, so that an emoji is reported as one character.
        int width = Character.charCount(source.codePointAt(pos));
        pos += width;
        add(TokenType.OTHER, start, pos, null);
      }
    }
  }

  private void single(TokenType type) {
    add(type, pos, pos + 1, null);
    pos++;
  }

  private void add(TokenType type, int start, int end, String detail) {
    String text = type == TokenType.EOF ? "<EOF>" : source.substring(start, end);
    tokens.add(new Token(type, text, start, end, tokens.size(), detail));
  }
}
