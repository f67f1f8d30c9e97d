package io.github.sfactions.emulator.bulk.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The RFC 4180 dialect of one job (its delimiter and line ending) for reading uploads and writing
 * results.
 */
public final class CsvDialect {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final int READ_BUFFER = 64 * 1024;

  private final char delimiter;
  private final LineEnding lineEnding;
  private final CSVFormat parseFormat;
  private final CSVFormat quoteAllFormat;
  private final CSVFormat quoteMinimalFormat;

  /** The dialect of {@code spec}. */
  public CsvDialect(JobSpec spec) {
    this.delimiter = spec.columnDelimiter().character();
    this.lineEnding = spec.lineEnding();
    CSVFormat base =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setRecordSeparator(lineEnding.separator())
            .get();
    this.parseFormat = base.builder().setIgnoreEmptyLines(true).get();
    this.quoteAllFormat = base.builder().setQuoteMode(QuoteMode.ALL).get();
    this.quoteMinimalFormat = base.builder().setQuoteMode(QuoteMode.MINIMAL).get();
  }

  /** Delimiter character. */
  public char delimiter() {
    return delimiter;
  }

  /** Line ending the job declared. */
  public LineEnding lineEnding() {
    return lineEnding;
  }

  /** Format for parsing the upload; blank lines are skipped. */
  public CSVFormat parseFormat() {
    return parseFormat;
  }

  /** Format for result rows: every value quoted, like Salesforce's result files. */
  public CSVFormat quoteAllFormat() {
    return quoteAllFormat;
  }

  /** Format for echoing the uploaded header: quoted only where needed. */
  public CSVFormat quoteMinimalFormat() {
    return quoteMinimalFormat;
  }

  /** A UTF-8 reader over the upload with a leading byte-order mark removed. */
  public static Reader openReader(UploadBuffer upload) {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(upload.openStream(), StandardCharsets.UTF_8), READ_BUFFER);
    try {
      reader.mark(1);
      int first = reader.read();
      if (first != BYTE_ORDER_MARK) {
        reader.reset();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reader;
  }
}
