package io.github.sfactions.emulator.bulk.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds the successful- and failed-results CSVs row by row while a job is processed, in the job's
 * delimiter and line ending. Headers: {@code "sf__Id","sf__Created",<uploaded header>} and {@code
 * "sf__Id","sf__Error",<uploaded header>}; result rows quote every value.
 */
public final class ResultCsvWriter {

  /** Column with the record id. */
  public static final String SF_ID = "sf__Id";

  /** Column telling whether the row created a record. */
  public static final String SF_CREATED = "sf__Created";

  /** Column with the row's error. */
  public static final String SF_ERROR = "sf__Error";

  private final int columns;
  private final StringBuilder successful = new StringBuilder();
  private final StringBuilder failed = new StringBuilder();
  private final CSVPrinter successPrinter;
  private final CSVPrinter failurePrinter;

  /** A writer for a job whose upload has {@code header}. */
  public ResultCsvWriter(CsvDialect dialect, List<String> header) {
    this.columns = header.size();
    successful.append(headerLine(dialect, SF_CREATED, header));
    failed.append(headerLine(dialect, SF_ERROR, header));
    try {
      successPrinter = new CSVPrinter(successful, dialect.quoteAllFormat());
      failurePrinter = new CSVPrinter(failed, dialect.quoteAllFormat());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header line of a result file, including the line ending. */
  public static String headerLine(CsvDialect dialect, String secondColumn, List<String> header) {
    String d = String.valueOf(dialect.delimiter());
    StringBuilder line =
        new StringBuilder()
            .append('"')
            .append(SF_ID)
            .append('"')
            .append(d)
            .append('"')
            .append(secondColumn)
            .append('"');
    if (!header.isEmpty()) {
      line.append(d).append(dialect.quoteMinimalFormat().format(header.toArray()));
    }
    return line.append(dialect.lineEnding().separator()).toString();
  }

  /** Adds a successful row. */
  public void success(String sfId, boolean created, List<String> values) {
    print(successPrinter, sfId, Boolean.toString(created), values);
  }

  /** Adds a failed row. */
  public void failure(String sfId, String error, List<String> values) {
    print(failurePrinter, sfId, error, values);
  }

  /** The finished files; the writer must not be used afterwards. */
  public ResultFiles finish() {
    return new ResultFiles(
        successful.toString().getBytes(StandardCharsets.UTF_8),
        failed.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Header-only files for a job that never processed a row. */
  public static ResultFiles empty(CsvDialect dialect, List<String> header) {
    return new ResultCsvWriter(dialect, header).finish();
  }

  private void print(CSVPrinter printer, String first, String second, List<String> values) {
    try {
      printer.print(first);
      printer.print(second);
      // Keep the file rectangular even for a row whose column count was wrong.
      for (int i = 0; i < columns; i++) {
        printer.print(i < values.size() ? values.get(i) : "");
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
