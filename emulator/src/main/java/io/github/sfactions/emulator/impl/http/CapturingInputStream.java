package io.github.sfactions.emulator.impl.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Passes a stream through while keeping its first bytes for the request log. */
final class CapturingInputStream extends FilterInputStream {
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private final int cap;
  private long total;

  CapturingInputStream(InputStream in, int capChars) {
    super(in);
    this.cap = capChars;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      keep(b, off, n);
    }
    return n;
  }

  private void keep(byte[] b, int off, int n) {
    total += n;
    int room = cap - head.size();
    if (room > 0) {
      head.write(b, off, Math.min(room, n));
    }
  }

  String captured() {
    String text = head.toString(StandardCharsets.UTF_8);
    return total > head.size() ? text + "...[" + total + " bytes]" : text;
  }
}
