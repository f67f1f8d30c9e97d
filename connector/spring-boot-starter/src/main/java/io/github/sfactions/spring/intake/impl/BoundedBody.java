package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.intake.InvalidEventException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body of at most a given size; a larger one is a 413 without reading it all. */
final class BoundedBody {

  private BoundedBody() {}

  /**
   * The body, at most {@code max} bytes.
   *
   * @throws InvalidEventException 413 when the declared or the actual length is larger
   * @throws IOException when reading fails (see {@link RequestBody#unreadable})
   */
  static byte[] read(InputStream in, long contentLength, long max, String what) throws IOException {
    if (contentLength > max) {
      throw tooLarge(contentLength, max, what);
    }
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (body.length > max) {
      throw tooLarge(-1, max, what);
    }
    return body;
  }

  private static InvalidEventException tooLarge(long size, long max, String what) {
    String actual = size >= 0 ? " is " + size + " bytes" : " is larger than " + max + " bytes";
    return new InvalidEventException(
        InvalidEventException.TOO_LARGE,
        what + actual + "; at most " + max + " bytes are accepted");
  }
}
