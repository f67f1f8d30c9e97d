package io.github.sfactions.emulator.bulk.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One ingest job: its definition plus the state machine and counters, guarded by the job's own
 * lock. HTTP threads drive the client transitions; one background run at a time drives processing.
 */
public final class IngestJob {

  private final JobSpec spec;
  private final long sequence;

  /** Completes when no background run will touch this job's rows any more. */
  private final CompletableFuture<Void> runFinished = new CompletableFuture<>();

  private JobState state = JobState.Open;
  private Instant systemModstamp;
  private UploadBuffer upload;
  private long uploadedBytes;
  private boolean uploading;
  private boolean runStarted;
  private volatile boolean stopRequested;
  private long recordsProcessed;
  private long recordsFailed;
  private long internalBatches;
  private long processingStartNanos;
  private long processingEndNanos;
  private boolean processingEnded;
  private long activeNanos;
  private String errorMessage;
  private ResultFiles results;
  private List<String> header;
  private byte[] unprocessed;

  /** A new {@code Open} job; {@code sequence} orders the job listing. */
  public IngestJob(JobSpec spec, long sequence) {
    this.spec = spec;
    this.sequence = sequence;
    this.systemModstamp = spec.createdDate();
  }

  /** The immutable definition. */
  public JobSpec spec() {
    return spec;
  }

  /** Creation order among all jobs. */
  public long sequence() {
    return sequence;
  }

  /** Reserves the job's single upload; refuses unless Open and nothing uploaded yet. */
  public synchronized void beginUpload() {
    if (state != JobState.Open) {
      throw BulkApiException.invalidState(
          "Job "
              + spec.id()
              + " is "
              + state
              + "; data can only be uploaded while the job is Open");
    }
    if (upload != null || uploading) {
      throw new BulkApiException(
          400,
          ErrorCodes.BULK_API_ERROR,
          "Found multiple contents for job: <"
              + spec.id()
              + ">, please 'Close' / 'Abort' / 'Delete' the"
              + " current Job then create a new Job and make sure you only do 'PUT' once on a given Job.");
    }
    uploading = true;
  }

  /** Stores the upload reserved by {@link #beginUpload}. */
  public synchronized void completeUpload(UploadBuffer data, Instant now) {
    uploading = false;
    if (state != JobState.Open) {
      throw BulkApiException.invalidState(
          "Job " + spec.id() + " became " + state + " during the upload");
    }
    upload = data;
    uploadedBytes = data.size();
    systemModstamp = now;
  }

  /** Releases the reservation of a failed upload, so the client may upload again. */
  public synchronized void cancelUpload() {
    uploading = false;
  }

  /** Client close: Open to UploadComplete. */
  public synchronized void markUploadComplete(Instant now) {
    if (state != JobState.Open) {
      throw BulkApiException.invalidState(
          "Job " + spec.id() + " is " + state + "; only an Open job can be set to UploadComplete");
    }
    if (uploading) {
      throw BulkApiException.invalidState("Job " + spec.id() + " is still receiving its upload");
    }
    state = JobState.UploadComplete;
    systemModstamp = now;
  }

  /**
   * Client abort from Open, UploadComplete or InProgress; stops processing after the current row.
   */
  public synchronized void abort(Instant now) {
    if (!state.isAbortable()) {
      throw BulkApiException.invalidState(
          "Job "
              + spec.id()
              + " is "
              + state
              + "; only Open, UploadComplete or InProgress jobs can be aborted");
    }
    state = JobState.Aborted;
    systemModstamp = now;
    requestStop();
  }

  /** Refuses deletion unless the job is UploadComplete or finished. */
  public synchronized void checkDeletable() {
    if (!state.isDeletable()) {
      throw BulkApiException.invalidState(
          "Job "
              + spec.id()
              + " is "
              + state
              + "; only UploadComplete, JobComplete, Aborted or Failed jobs can be deleted");
    }
  }

  /** Asks processing to stop before the next row (abort, delete, reset). */
  public synchronized void requestStop() {
    stopRequested = true;
    if (!runStarted) {
      runFinished.complete(null);
    }
  }

  /** Whether processing must stop; read by the background run before every row. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** UploadComplete to InProgress; {@code false} when the job was aborted or deleted meanwhile. */
  public synchronized boolean tryStartProcessing(Instant now, long nanos) {
    if (state != JobState.UploadComplete || stopRequested) {
      return false;
    }
    state = JobState.InProgress;
    systemModstamp = now;
    runStarted = true;
    processingStartNanos = nanos;
    return true;
  }

  /** The upload, or {@code null} when none was made or it was released. */
  public synchronized UploadBuffer upload() {
    return upload;
  }

  /** Remembers the uploaded header (as written by the client) for result files. */
  public synchronized void header(List<String> uploadedHeader) {
    this.header = List.copyOf(uploadedHeader);
  }

  /** The uploaded header, or {@code null} when it has not been read. */
  public synchronized List<String> header() {
    return header;
  }

  /** Counts one attempted row. */
  public synchronized void recordRow(boolean failed) {
    recordsProcessed++;
    if (failed) {
      recordsFailed++;
    }
  }

  /** Counts the start of an internal batch. */
  public synchronized void startInternalBatch() {
    internalBatches++;
  }

  /** Adds time spent writing rows. */
  public synchronized void addActiveNanos(long nanos) {
    activeNanos += nanos;
  }

  /** Rows attempted so far; the next unattempted row has this zero-based index. */
  public synchronized long recordsProcessed() {
    return recordsProcessed;
  }

  /**
   * Publishes the result files once the run has written its last row (or stopped) and releases
   * anyone waiting for it; the state changes separately, after the InProgress dwell.
   */
  public synchronized void publishResults(ResultFiles files) {
    results = files;
    runFinished.complete(null);
  }

  /**
   * Ends processing: InProgress becomes {@code terminal} (an aborted job stays Aborted). A
   * completed job's upload is dropped, since nothing of it is unprocessed.
   */
  public synchronized void finishProcessing(
      JobState terminal, String failure, Instant now, long nanos) {
    if (state == JobState.InProgress) {
      state = terminal;
      errorMessage = terminal == JobState.Failed ? failure : null;
      systemModstamp = now;
    }
    processingEndNanos = nanos;
    processingEnded = true;
    if (state == JobState.JobComplete) {
      upload = null;
    }
  }

  /** Waits until no background run touches this job any more; bounded by {@code timeout}. */
  public boolean awaitRunFinished(Duration timeout) {
    try {
      runFinished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Published results, or {@code null} when the job was never processed. */
  public synchronized ResultFiles results() {
    return results;
  }

  /** Current state. */
  public synchronized JobState state() {
    return state;
  }

  /** Cached unprocessed-records CSV, or {@code null}. */
  public synchronized byte[] unprocessed() {
    return unprocessed;
  }

  /** Caches the unprocessed-records CSV of a finished job. */
  public synchronized void unprocessed(byte[] csv) {
    this.unprocessed = csv;
  }

  /** A consistent copy of the state for rendering; {@code nowNanos} measures a running job. */
  public synchronized JobSnapshot snapshot(long nowNanos) {
    long totalMillis = 0;
    if (runStarted) {
      long end = processingEnded ? processingEndNanos : nowNanos;
      totalMillis = Math.max(0, (end - processingStartNanos) / 1_000_000);
    }
    return new JobSnapshot(
        spec,
        state,
        systemModstamp,
        uploadedBytes,
        recordsProcessed,
        recordsFailed,
        internalBatches,
        totalMillis,
        activeNanos / 1_000_000,
        state == JobState.Failed ? errorMessage : null);
  }
}
