package io.github.sfactions.emulator.bulk.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Serves the three result CSVs of a finished job. Successful and failed results were built while
 * processing; a job that never ran gets header-only files. Unprocessed records are cut out of the
 * original upload verbatim: the header text plus everything from the first row never attempted.
 */
public final class JobResults {

  /** How long a results request waits for an aborted job's current row to finish. */
  private static final Duration RUN_FINISH_WAIT = Duration.ofSeconds(30);

  private static final int COPY_BUFFER = 64 * 1024;

  private JobResults() {}

  /** Body of {@code successfulResults}. */
  public static byte[] successful(IngestJob job) {
    return files(job).successful();
  }

  /** Body of {@code failedResults}. */
  public static byte[] failed(IngestJob job) {
    return files(job).failed();
  }

  /** Body of {@code unprocessedrecords}; rows only for Failed or Aborted jobs. */
  public static byte[] unprocessed(IngestJob job) {
    requireFinished(job);
    byte[] cached = job.unprocessed();
    if (cached != null) {
      return cached;
    }
    CsvDialect dialect = new CsvDialect(job.spec());
    UploadBuffer upload = job.upload();
    byte[] csv;
    if (upload == null) {
      List<String> header = job.header();
      csv = header == null ? new byte[0] : headerOnly(dialect, header);
    } else {
      csv = cutUnattempted(upload, dialect, job.recordsProcessed());
    }
    job.unprocessed(csv);
    return csv;
  }

  private static ResultFiles files(IngestJob job) {
    requireFinished(job);
    ResultFiles files = job.results();
    if (files != null) {
      return files;
    }
    CsvDialect dialect = new CsvDialect(job.spec());
    return ResultCsvWriter.empty(dialect, uploadedHeader(job, dialect));
  }

  private static void requireFinished(IngestJob job) {
    JobState state = job.state();
    if (!state.isTerminal()) {
      throw BulkApiException.invalidState(
          "Job "
              + job.spec().id()
              + " is "
              + state
              + "; results are available once the job is JobComplete, Failed or Aborted");
    }
    if (!job.awaitRunFinished(RUN_FINISH_WAIT)) {
      throw BulkApiException.invalidState(
          "Job " + job.spec().id() + " is still stopping; retry shortly");
    }
  }

  private static List<String> uploadedHeader(IngestJob job, CsvDialect dialect) {
    if (job.header() != null) {
      return job.header();
    }
    UploadBuffer upload = job.upload();
    if (upload == null) {
      return List.of();
    }
    try (CSVParser parser = dialect.parseFormat().parse(CsvDialect.openReader(upload))) {
      Iterator<CSVRecord> records = parser.iterator();
      return records.hasNext() ? records.next().toList() : List.of();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Unreadable header: the job will fail on it; the results simply carry no uploaded columns.
      return List.of();
    }
  }

  private static byte[] headerOnly(CsvDialect dialect, List<String> header) {
    String line =
        dialect.quoteMinimalFormat().format(header.toArray()) + dialect.lineEnding().separator();
    return line.getBytes(StandardCharsets.UTF_8);
  }

  /** The upload's header text followed by the text of rows {@code attempted..end}. */
  private static byte[] cutUnattempted(UploadBuffer upload, CsvDialect dialect, long attempted) {
    long firstRowAt = -1;
    long firstUnattemptedAt = -1;
    try (CSVParser parser = dialect.parseFormat().parse(CsvDialect.openReader(upload))) {
      long index = -1;
      for (CSVRecord record : parser) {
        if (index == 0) {
          firstRowAt = record.getCharacterPosition();
        }
        if (index == attempted) {
          firstUnattemptedAt = record.getCharacterPosition();
          break;
        }
        index++;
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      if (attempted == 0) {
        return copyAll(upload);
      }
      // Rows up to the syntax error were located; the rest cannot be split into rows.
    }
    if (attempted == 0 || firstRowAt < 0) {
      return copyAll(upload);
    }
    return copyRanges(upload, firstRowAt, firstUnattemptedAt);
  }

  private static byte[] copyAll(UploadBuffer upload) {
    try (var in = upload.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] copyRanges(UploadBuffer upload, long headerEnd, long tailStart) {
    StringBuilder out = new StringBuilder();
    try (Reader reader = CsvDialect.openReader(upload)) {
      copy(reader, out, headerEnd);
      if (tailStart >= 0) {
        skipFully(reader, tailStart - headerEnd);
        copy(reader, out, Long.MAX_VALUE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void skipFully(Reader reader, long chars) throws IOException {
    long remaining = chars;
    while (remaining > 0) {
      long skipped = reader.skip(remaining);
      if (skipped <= 0) {
        return;
      }
      remaining -= skipped;
    }
  }

  private static void copy(Reader reader, StringBuilder out, long maxChars) throws IOException {
    char[] buffer = new char[COPY_BUFFER];
    long remaining = maxChars;
    while (remaining > 0) {
      int n = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n == -1) {
        return;
      }
      out.append(buffer, 0, n);
      remaining -= n;
    }
  }
}
