package io.github.sfactions.spring.intake.impl;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream line by line (LF or CRLF) keeping at most {@code max} bytes of a line: a longer
 * line is read to its end and only flagged, so memory stays the same however long lines or the
 * stream are. Bytes, not characters: the JSON parser checks the encoding and reports a broken one
 * with its column.
 */
public final class BoundedLines {

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final byte[] line;
  private final int max;
  private int position;
  private int limit;
  private int length;
  private boolean tooLong;
  private long number;
  private boolean end;

  /** Lines of at most {@code max} bytes of this stream. */
  public BoundedLines(InputStream in, int max) {
    this.in = in;
    this.max = max;
    this.line = new byte[max + 1]; // room for a CR before the LF
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the stream
   */
  public boolean next() throws IOException {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (!end) {
      if (position == limit) {
        int n = in.read(buffer);
        if (n < 0) {
          end = true;
          break;
        }
        position = 0;
        limit = n;
      }
      any = true;
      int lf = position;
      while (lf < limit && buffer[lf] != '\n') {
        lf++;
      }
      keep(position, lf - position);
      position = lf < limit ? lf + 1 : limit;
      if (lf < limit) {
        break;
      }
    }
    if (!any) {
      return false;
    }
    if (!tooLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    tooLong |= length > max;
    number++;
    return true;
  }

  private void keep(int from, int count) {
    int room = line.length - length;
    if (count > room) {
      tooLong = true;
    }
    int kept = Math.min(count, room);
    System.arraycopy(buffer, from, line, length, kept);
    length += kept;
  }

  /** The current line's bytes (valid up to {@link #length()}; overwritten by {@link #next()}). */
  public byte[] bytes() {
    return line;
  }

  /** The current line's length in bytes, without the line end. */
  public int length() {
    return tooLong ? 0 : length;
  }

  /** True when the current line is longer than the maximum (its bytes are not kept). */
  public boolean tooLong() {
    return tooLong;
  }

  /** True when the current line holds only white space. */
  public boolean blank() {
    for (int i = 0; i < length(); i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return !tooLong;
  }

  /** The number of the current line, from 1. */
  public long number() {
    return number;
  }
}
