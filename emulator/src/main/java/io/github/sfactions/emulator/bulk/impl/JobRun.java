package io.github.sfactions.emulator.bulk.impl;

import io.github.sfactions.emulator.bulk.BulkRecordStore;
import io.github.sfactions.emulator.bulk.BulkSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Background processing of one closed job as a chain of short tasks on a scheduled executor: wait
 * out the UploadComplete dwell, validate, then write rows in steps (an internal batch, or a
 * rate-limited slice of one), then wait out the InProgress dwell and finish. No task ever sleeps,
 * so abort, reset and close take effect after the current row.
 */
public final class JobRun {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** A throttled job writes in slices of about this many ticks per second. */
  private static final int THROTTLE_TICKS_PER_SECOND = 20;

  private final IngestJob job;
  private final BulkRecordStore store;
  private final BulkSettings settings;
  private final ScheduledExecutorService executor;
  private final CsvDialect dialect;

  private long startNanos;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private RowWriter rowWriter;
  private ResultCsvWriter results;
  private int rowsInBatch;

  private JobRun(
      IngestJob job,
      BulkRecordStore store,
      BulkSettings settings,
      ScheduledExecutorService executor) {
    this.job = job;
    this.store = store;
    this.settings = settings;
    this.executor = executor;
    this.dialect = new CsvDialect(job.spec());
  }

  /** Schedules processing of a job that has just become UploadComplete. */
  public static void schedule(
      IngestJob job,
      BulkRecordStore store,
      BulkSettings settings,
      ScheduledExecutorService executor) {
    JobRun run = new JobRun(job, store, settings, executor);
    run.later(run::start, settings.uploadCompleteDwell().toNanos());
  }

  private void start() {
    startNanos = System.nanoTime();
    if (!job.tryStartProcessing(settings.clock().instant(), startNanos)) {
      return;
    }
    UploadBuffer upload = job.upload();
    ColumnMapping columns;
    try {
      columns = UploadValidator.validate(job, upload, dialect, store);
    } catch (JobFailure failure) {
      List<String> header = job.header() == null ? List.of() : job.header();
      finishAfterDwell(
          JobState.Failed, failure.getMessage(), ResultCsvWriter.empty(dialect, header));
      return;
    }
    rowWriter = new RowWriter(store, job.spec(), columns);
    results = new ResultCsvWriter(dialect, columns.uploadedNames());
    try {
      Reader reader = CsvDialect.openReader(upload);
      parser = dialect.parseFormat().parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records = parser.iterator();
    records.next(); // the header, already validated
    later(this::step, 0);
  }

  private void step() {
    long began = System.nanoTime();
    long budget = budget();
    long written = 0;
    boolean more = records.hasNext();
    while (more && written < budget && !job.stopRequested()) {
      List<String> values = records.next().toList();
      if (rowsInBatch == 0) {
        job.startInternalBatch();
      }
      writeRow(values);
      written++;
      rowsInBatch = (rowsInBatch + 1) % settings.internalBatchSize();
      more = records.hasNext();
    }
    long spent = System.nanoTime() - began;
    job.addActiveNanos(spent);
    if (job.stopRequested()) {
      finishNow(JobState.Aborted, null, results.finish());
    } else if (!more) {
      finishAfterDwell(JobState.JobComplete, null, results.finish());
    } else {
      later(this::step, pause(written, spent));
    }
  }

  private void writeRow(List<String> values) {
    RowWriter.RowOutcome outcome = rowWriter.write(values);
    if (outcome.success()) {
      results.success(outcome.sfId(), outcome.created(), values);
    } else {
      results.failure(outcome.sfId(), outcome.error(), values);
    }
    job.recordRow(!outcome.success());
  }

  /** Rows to write in this step: the rest of the internal batch, or one throttle slice of it. */
  private long budget() {
    long restOfBatch = settings.internalBatchSize() - rowsInBatch;
    long rate = settings.recordsPerSecond();
    if (rate == 0) {
      return restOfBatch;
    }
    return Math.min(restOfBatch, Math.max(1, rate / THROTTLE_TICKS_PER_SECOND));
  }

  private long pause(long written, long spentNanos) {
    long rate = settings.recordsPerSecond();
    if (rate == 0) {
      return 0;
    }
    return Math.max(0, written * NANOS_PER_SECOND / rate - spentNanos);
  }

  private void finishAfterDwell(JobState terminal, String failure, ResultFiles files) {
    closeParser();
    job.publishResults(files);
    long dwellEnd = startNanos + settings.inProgressDwell().toNanos();
    long delay = Math.max(0, dwellEnd - System.nanoTime());
    later(
        () ->
            job.finishProcessing(terminal, failure, settings.clock().instant(), System.nanoTime()),
        delay);
  }

  private void finishNow(JobState terminal, String failure, ResultFiles files) {
    closeParser();
    job.publishResults(files);
    job.finishProcessing(terminal, failure, settings.clock().instant(), System.nanoTime());
  }

  private void closeParser() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // In-memory data: closing cannot lose anything the client needs.
      }
      parser = null;
    }
  }

  /**
   * Runs {@code task} after {@code delayNanos}; a refused or crashing task still finishes the job.
   */
  private void later(Runnable task, long delayNanos) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            // An executor swallows what a task throws; without this the job would stay InProgress
            // forever.
            fail(e);
          }
        };
    try {
      executor.schedule(guarded, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The API is closing: nothing will run any more, so release anyone waiting for results.
      finishNow(JobState.Aborted, null, currentResults());
    }
  }

  private void fail(Throwable e) {
    String message =
        e instanceof UncheckedIOException && e.getCause() != null
            ? ErrorCodes.INVALID_BATCH_PREFIX + "Malformed CSV: " + e.getCause().getMessage()
            : "Unknown : unexpected error while processing the job ("
                + e.getClass().getSimpleName()
                + ")";
    finishNow(JobState.Failed, message, currentResults());
  }

  private ResultFiles currentResults() {
    if (results != null) {
      return results.finish();
    }
    return ResultCsvWriter.empty(dialect, job.header() == null ? List.of() : job.header());
  }
}
