package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import java.util.List;

/**
 * The query text with its tokens; builds errors in Salesforce's positioned format:
 *
 * <pre>
 * \n&lt;excerpt&gt;\n&lt;spaces&gt;^\nERROR at Row:R:Column:C\n&lt;text&gt;
 * </pre>
 *
 * The excerpt is the error's line from up to {@value #CONTEXT_TOKENS} tokens before the offending
 * token to up to {@value #CONTEXT_TOKENS} tokens after it, which is the window real orgs show; row
 * and column are 1-based.
 */
final class SourceText {

  static final int CONTEXT_TOKENS = 4;

  private final String source;
  private final List<Token> tokens;

  public SourceText(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  public String source() {
    return source;
  }

  public List<Token> tokens() {
    return tokens;
  }

  /** An exception pointing at {@code at}, with Salesforce's excerpt/caret/row/column prefix. */
  public SoqlException error(Token at, String errorCode, String text) {
    int[] rowColumn = rowAndColumn(source, at.start());
    int first = at.index();
    while (first > 0 && at.index() - first < CONTEXT_TOKENS && sameRow(tokens.get(first - 1), at)) {
      first--;
    }
    int last = at.index();
    while (last + 1 < tokens.size()
        && last - at.index() < CONTEXT_TOKENS
        && tokens.get(last + 1).type() != TokenType.EOF
        && sameRow(tokens.get(last + 1), at)) {
      last++;
    }
    int excerptStart = Math.min(tokens.get(first).start(), at.start());
    int excerptEnd = Math.max(tokens.get(last).end(), excerptStart);
    String excerpt = source.substring(excerptStart, excerptEnd);
    String message =
        "\n"
            + excerpt
            + "\n"
            + " ".repeat(at.start() - excerptStart)
            + "^\n"
            + "ERROR at Row:"
            + rowColumn[0]
            + ":Column:"
            + rowColumn[1]
            + "\n"
            + text;
    return new SoqlException(errorCode, message);
  }

  /**
   * {@code MALFORMED_QUERY unexpected token: 'X'} at the token (or the lexer's own message for
   * error tokens).
   */
  public SoqlException unexpected(Token at) {
    if (at.type() == TokenType.ERROR) {
      return error(at, SoqlException.MALFORMED_QUERY, at.detail());
    }
    return error(at, SoqlException.MALFORMED_QUERY, "unexpected token: '" + at.text() + "'");
  }

  private boolean sameRow(Token candidate, Token at) {
    int from = Math.min(candidate.start(), at.start());
    int to = Math.max(candidate.start(), at.start());
    return source.substring(from, to).indexOf('\n') < 0;
  }

  /** 1-based row and column of an offset; a line break ends a row. */
  static int[] rowAndColumn(String source, int offset) {
    int row = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    return new int[] {row, offset - lineStart + 1};
  }
}
