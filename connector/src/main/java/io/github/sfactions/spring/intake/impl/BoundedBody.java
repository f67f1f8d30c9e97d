package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.intake.InvalidEventException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body of at most a given size; a larger one is a 413 without reading it all. */
final class BoundedBody {

  private BoundedBody() {
  }

  static byte[] read(InputStream in, long contentLength, long max, String what) throws IOException {
    if (contentLength > max) {
      throw tooLarge(contentLength, max, what);
    }
    byte[] body;
    try {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw InvalidEventException.badRequest(what + " is not valid gzip data: " + e.getMessage());
    }
    if (body.length > max) {
      throw tooLarge(-1, max, what);
    }
    return body;
  }

  private static InvalidEventException tooLarge(long size, long max, String what) {
    String actual = size >= 0 ? " is " + size + " bytes" : " is larger than " + max + " bytes";
    return new InvalidEventException(InvalidEventException.TOO_LARGE,
        what + actual + "; at most " + max + " bytes are accepted");
  }
}
