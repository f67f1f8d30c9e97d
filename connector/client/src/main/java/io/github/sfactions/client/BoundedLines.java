package io.github.sfactions.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line (LF or CRLF) keeping at most {@code max} bytes of a line: a longer
 * line is read to its end and only flagged, so memory stays the same however long lines or the
 * stream are. Bytes, not characters: the JSON parser checks the encoding and reports a broken one
 * with its column. The line buffer grows with the longest line kept, up to {@code max} (so a large
 * limit costs nothing until a line needs it). Used for JSON-lines input: the intake's replay and
 * the bulk back-fill.
 */
public final class BoundedLines {

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private byte[] line = new byte[1024];
  private final int max;
  private int position;
  private int limit;
  private int length;
  private boolean tooLong;
  private long number;
  private boolean end;

  /** Lines of at most {@code max} bytes of this stream. */
  public BoundedLines(InputStream in, int max) {
    if (max < 1 || max > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("A line's limit must be 1 to 2 GB, not " + max);
    }
    this.in = in;
    this.max = max;
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
    int room = max + 1 - length; // room for a CR before the LF
    if (count > room) {
      tooLong = true;
    }
    int kept = Math.min(count, room);
    if (length + kept > line.length) {
      line =
          Arrays.copyOf(line, (int) Math.min(max + 1L, Math.max(2L * line.length, length + kept)));
    }
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
