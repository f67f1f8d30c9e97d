package io.github.sfactions.emulator.bulk.impl;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through while checking, with a small RFC 4180 lexer, what would otherwise only
 * surface half-way through a job: that every record separator outside quoted values is the job's
 * line ending (a CRLF in an LF job, a bare LF in a CRLF job or a lone CR is a violation), that
 * every quoted value is closed, and that a closing quote is followed by a delimiter or a line end.
 * Line breaks inside quoted values are data and are not checked.
 */
public final class CsvSyntaxInspector extends FilterReader {

  private enum Lexer {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED
  }

  private final LineEnding expected;
  private final char delimiter;
  private Lexer lexer = Lexer.FIELD_START;
  private boolean pendingCarriageReturn;
  private boolean lineEndingViolated;
  private String syntaxError;
  private long line = 1;
  private long quoteStartLine;

  /** Inspects {@code in} for a job with the given line ending and delimiter. */
  public CsvSyntaxInspector(Reader in, LineEnding expected, char delimiter) {
    super(in);
    this.expected = expected;
    this.delimiter = delimiter;
  }

  /**
   * Whether a separator other than the job's line ending has been read so far (or at end of input).
   */
  public boolean lineEndingViolated() {
    return lineEndingViolated;
  }

  /** The first quoting error read so far (or at end of input), {@code null} if none. */
  public String syntaxError() {
    return syntaxError;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c == -1) {
      endOfInput();
    } else {
      inspect((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n == -1) {
      endOfInput();
      return n;
    }
    for (int i = offset; i < offset + n; i++) {
      inspect(buffer[i]);
    }
    return n;
  }

  /** Reads the rest of the input, inspecting it. */
  public void drain() throws IOException {
    char[] buffer = new char[8192];
    while (read(buffer, 0, buffer.length) != -1) {
      // inspection happens in read
    }
  }

  private void inspect(char c) {
    if (c == '\n') {
      line++;
    }
    if (pendingCarriageReturn) {
      pendingCarriageReturn = false;
      if (c == '\n') {
        recordSeparator(LineEnding.CRLF);
        return;
      }
      lineEndingViolated = true;
    }
    switch (lexer) {
      case QUOTED -> {
        if (c == '"') {
          lexer = Lexer.QUOTE_IN_QUOTED;
        }
      }
      case QUOTE_IN_QUOTED -> {
        if (c == '"') {
          lexer = Lexer.QUOTED;
        } else if (c == delimiter || c == '\r' || c == '\n') {
          outsideQuotes(c);
        } else {
          syntax("Invalid character after a closing quote on line " + line);
          lexer = Lexer.UNQUOTED;
        }
      }
      case FIELD_START -> {
        if (c == '"') {
          lexer = Lexer.QUOTED;
          quoteStartLine = line;
        } else {
          outsideQuotes(c);
        }
      }
      case UNQUOTED -> outsideQuotes(c);
    }
  }

  private void outsideQuotes(char c) {
    if (c == '\r') {
      pendingCarriageReturn = true;
      lexer = Lexer.FIELD_START;
    } else if (c == '\n') {
      recordSeparator(LineEnding.LF);
    } else {
      lexer = c == delimiter ? Lexer.FIELD_START : Lexer.UNQUOTED;
    }
  }

  private void recordSeparator(LineEnding found) {
    lexer = Lexer.FIELD_START;
    if (found != expected) {
      lineEndingViolated = true;
    }
  }

  private void endOfInput() {
    if (pendingCarriageReturn) {
      pendingCarriageReturn = false;
      lineEndingViolated = true;
    }
    if (lexer == Lexer.QUOTED) {
      syntax("Unterminated quoted value starting on line " + quoteStartLine);
      lexer = Lexer.FIELD_START;
    }
  }

  private void syntax(String message) {
    if (syntaxError == null) {
      syntaxError = message;
    }
  }
}
