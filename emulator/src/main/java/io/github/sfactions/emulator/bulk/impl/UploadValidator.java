package io.github.sfactions.emulator.bulk.impl;

import io.github.sfactions.emulator.bulk.BulkRecordStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * First pass over an upload, before any row is written: checks the line ending, the CSV syntax (an
 * unterminated quote, text after a closing quote) and the header, so a job that Salesforce would
 * fail as a whole fails with nothing processed.
 */
public final class UploadValidator {

  private UploadValidator() {}

  /** Validates {@code upload} for {@code job} and returns its resolved header. */
  public static ColumnMapping validate(
      IngestJob job, UploadBuffer upload, CsvDialect dialect, BulkRecordStore store)
      throws JobFailure {
    if (upload == null) {
      throw JobFailure.invalidBatch("No data was uploaded for this job");
    }
    CsvSyntaxInspector inspector =
        new CsvSyntaxInspector(
            CsvDialect.openReader(upload), dialect.lineEnding(), dialect.delimiter());
    try (Reader reader = inspector;
        CSVParser parser = dialect.parseFormat().parse(reader)) {
      List<String> header = null;
      JobFailure headerFailure = null;
      try {
        Iterator<CSVRecord> records = parser.iterator();
        if (nextExists(records)) {
          header = records.next().toList();
          job.header(header);
        }
      } catch (JobFailure failure) {
        headerFailure = failure;
      }
      // The rest is only scanned, not parsed: the inspector finds what would break the parser.
      inspector.drain();
      if (inspector.lineEndingViolated()) {
        throw new JobFailure(
            ErrorCodes.CLIENT_INPUT_ERROR_PREFIX
                + "LineEnding is invalid on user data. Current LineEnding setting is "
                + dialect.lineEnding().name());
      }
      if (inspector.syntaxError() != null) {
        throw JobFailure.invalidBatch("Malformed CSV: " + inspector.syntaxError());
      }
      if (headerFailure != null) {
        throw headerFailure;
      }
      if (header == null) {
        throw JobFailure.invalidBatch("The CSV data contains no header row");
      }
      return ColumnMapping.resolve(header, job.spec(), store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code hasNext()} that turns a syntax error into a job failure. */
  static boolean nextExists(Iterator<CSVRecord> records) throws JobFailure {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw JobFailure.invalidBatch("Malformed CSV: " + cause.getMessage());
    }
  }
}
