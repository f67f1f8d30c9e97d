package io.github.sfactions.emulator.soql.impl;

import java.util.Locale;

/**
 * One lexical token with its place in the query text.
 *
 * @param type category
 * @param text the exact source text ({@code <EOF>} for the end)
 * @param start offset of the first character in the query
 * @param end offset after the last character
 * @param index position in the token list, used to build error excerpts
 * @param detail for {@link TokenType#ERROR} tokens the message to report, otherwise null
 */
record Token(TokenType type, String text, int start, int end, int index, String detail) {

  /** Whether this is the given keyword, ignoring case. */
  public boolean isKeyword(String keyword) {
    return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** Upper-cased text, for keyword dispatch. */
  public String upperText() {
    return text.toUpperCase(Locale.ROOT);
  }
}
