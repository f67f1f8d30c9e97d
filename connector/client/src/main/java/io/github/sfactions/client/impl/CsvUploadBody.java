package io.github.sfactions.client.impl;

import io.github.sfactions.client.CsvContent;
import java.io.IOException;
import java.io.OutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Streams {@link CsvContent} into a request. A failure to <em>read</em> the CSV (a missing file, a
 * broken writer) is not a network problem and must not look retryable, so it surfaces as {@link
 * CsvSourceException}; failures of the connection stay {@link IOException}s.
 */
public final class CsvUploadBody extends RequestBody {

  private static final MediaType CSV = MediaType.get("text/csv");
  private final CsvContent csv;

  public CsvUploadBody(CsvContent csv) {
    this.csv = csv;
  }

  @Override
  public MediaType contentType() {
    return CSV;
  }

  @Override
  public long contentLength() {
    return csv.contentLength();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    SinkStream out = new SinkStream(sink.outputStream());
    try {
      csv.writeTo(out);
      out.flush();
    } catch (IOException e) {
      if (e == out.failure) {
        throw e;
      }
      throw new CsvSourceException("Cannot read the CSV to upload: " + e, e);
    }
  }

  /** The CSV source failed (not the connection). */
  public static final class CsvSourceException extends IllegalStateException {
    CsvSourceException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Remembers an exception thrown by the connection so it can be told apart from a source failure.
   */
  private static final class SinkStream extends OutputStream {
    private final OutputStream sink;
    private IOException failure;

    SinkStream(OutputStream sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        sink.write(b);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        sink.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        sink.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
