package io.github.sfactions.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * CSV bytes for a bulk upload, streamed straight into the HTTP request so a large file is never
 * held twice in memory. {@link #writeTo(OutputStream)} may be called more than once (the upload is
 * replayed once after a re-login), so it must write the same bytes each time.
 */
@FunctionalInterface
public interface CsvContent {

  /** Writes the UTF-8 CSV (header row first) to {@code out}; must not close it. */
  void writeTo(OutputStream out) throws IOException;

  /** Byte length if known, else -1 (the upload then uses chunked transfer encoding). */
  default long contentLength() {
    return -1;
  }

  /** Streams a CSV file. */
  static CsvContent of(Path file) {
    Objects.requireNonNull(file, "file");
    return new CsvContent() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
      }

      @Override
      public long contentLength() {
        try {
          return Files.size(file);
        } catch (IOException unreadable) {
          return -1;
        }
      }
    };
  }

  /** CSV already in memory. */
  static CsvContent of(byte[] csv) {
    Objects.requireNonNull(csv, "csv");
    return new CsvContent() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(csv);
      }

      @Override
      public long contentLength() {
        return csv.length;
      }
    };
  }

  /** CSV text (encoded as UTF-8). */
  static CsvContent of(String csv) {
    return of(csv.getBytes(StandardCharsets.UTF_8));
  }
}
