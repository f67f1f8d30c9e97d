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
 * First pass over an upload, before any row is written: checks the line ending, the CSV syntax
 * (e.g. an unterminated quote) and the header, so a job that Salesforce would fail as a whole
 * fails with nothing processed.
 */
public final class UploadValidator {

  private UploadValidator() {}

  /** Validates {@code upload} for {@code job} and returns its resolved header. */
  public static ColumnMapping validate(IngestJob job, UploadBuffer upload, CsvDialect dialect, BulkRecordStore store)
      throws JobFailure {
    if (upload == null) {
      throw JobFailure.invalidBatch("No data was uploaded for this job");
    }
    LineEndingInspector inspector =
        new LineEndingInspector(CsvDialect.openReader(upload), dialect.lineEnding(), dialect.delimiter());
    try (Reader reader = inspector; CSVParser parser = dialect.parseFormat().parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!nextExists(records)) {
        failOnLineEnding(inspector, dialect);
        throw JobFailure.invalidBatch("The CSV data contains no header row");
      }
      List<String> header = records.next().toList();
      job.header(header);
      failOnLineEnding(inspector, dialect);
      ColumnMapping mapping = ColumnMapping.resolve(header, job.spec(), store);
      while (nextExists(records)) {
        records.next();
      }
      failOnLineEnding(inspector, dialect);
      return mapping;
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

  private static void failOnLineEnding(LineEndingInspector inspector, CsvDialect dialect) throws JobFailure {
    if (inspector.violated()) {
      throw new JobFailure(ErrorCodes.CLIENT_INPUT_ERROR_PREFIX
          + "LineEnding is invalid on user data. Current LineEnding setting is " + dialect.lineEnding().name());
    }
  }
}
