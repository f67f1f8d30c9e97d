package io.github.sfactions.emulator.bulk.impl;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through while checking that every record separator outside quoted values is
 * the job's line ending: a CRLF in an LF job, a bare LF in a CRLF job or a lone CR is a violation.
 * Line breaks inside quoted values are data and are not checked.
 */
public final class LineEndingInspector extends FilterReader {

  private enum Lexer { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final LineEnding expected;
  private final char delimiter;
  private Lexer lexer = Lexer.FIELD_START;
  private boolean pendingCarriageReturn;
  private boolean violated;

  /** Inspects {@code in} for a job with the given line ending and delimiter. */
  public LineEndingInspector(Reader in, LineEnding expected, char delimiter) {
    super(in);
    this.expected = expected;
    this.delimiter = delimiter;
  }

  /** Whether a separator other than the job's line ending has been read so far (or at end of input). */
  public boolean violated() {
    return violated;
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

  private void inspect(char c) {
    if (pendingCarriageReturn) {
      pendingCarriageReturn = false;
      if (c == '\n') {
        recordSeparator(LineEnding.CRLF);
        return;
      }
      violated = true;
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
        } else {
          outsideQuotes(c);
        }
      }
      case FIELD_START -> {
        if (c == '"') {
          lexer = Lexer.QUOTED;
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
      violated = true;
    }
  }

  private void endOfInput() {
    if (pendingCarriageReturn) {
      pendingCarriageReturn = false;
      violated = true;
    }
  }
}
