package io.github.sfactions.emulator.bulk.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.emulator.bulk.BulkJobSummary;
import io.github.sfactions.emulator.bulk.BulkRecordStore;
import io.github.sfactions.emulator.bulk.BulkSettings;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The ingest operations behind the HTTP routes: job life cycle, upload, results. Thread-safe. */
public final class IngestService {

  /** JSON property of a state change. */
  public static final String STATE = "state";

  /** How long reset and close wait for a row being written when they stop a job. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final BulkRecordStore store;
  private final BulkSettings settings;
  private final JobRegistry registry = new JobRegistry();
  private final ScheduledExecutorService executor;

  /** A service writing to {@code store}, processing on its own executor. */
  public IngestService(BulkRecordStore store, BulkSettings settings) {
    this.store = store;
    this.settings = settings;
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(settings.workerThreads(), daemonThreads());
    pool.setRemoveOnCancelPolicy(true);
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = pool;
  }

  /** {@code POST /jobs/ingest}. */
  public JobSnapshot create(BigDecimal apiVersion, String contentType, InputStream body) {
    ObjectNode definition = RequestBodies.jsonObject(contentType, body);
    JobSpec spec = JobSpecParser.parse(definition, apiVersion, store, settings.clock().instant());
    IngestJob job = new IngestJob(spec, registry.nextSequence());
    registry.add(job);
    return snapshot(job);
  }

  /** {@code PUT /jobs/ingest/{id}/batches}: stores the single upload of an Open job. */
  public void upload(String jobId, String contentType, InputStream body) {
    IngestJob job = job(jobId);
    RequestBodies.requireMediaType(contentType, RequestBodies.TEXT_CSV);
    job.beginUpload();
    boolean stored = false;
    try {
      UploadBuffer data =
          UploadBuffer.read(
              body == null ? InputStream.nullInputStream() : body, settings.maxUploadBytes());
      if (data.size() == 0) {
        throw new BulkApiException(
            400,
            ErrorCodes.BULK_API_ERROR,
            "The upload is empty; send CSV data starting with a header row");
      }
      job.completeUpload(data, settings.clock().instant());
      stored = true;
    } finally {
      if (!stored) {
        job.cancelUpload();
      }
    }
  }

  /** {@code PATCH /jobs/ingest/{id}}: close ({@code UploadComplete}) or abort. */
  public JobSnapshot changeState(String jobId, String contentType, InputStream body) {
    IngestJob job = job(jobId);
    ObjectNode change = RequestBodies.jsonObject(contentType, body);
    String requested = RequestBodies.optionalText(change, STATE);
    if (requested == null || requested.isBlank()) {
      throw BulkApiException.invalidJob("Required property is missing: " + STATE);
    }
    JobState target =
        JobState.fromApiName(requested)
            .orElseThrow(
                () ->
                    new BulkApiException(
                        400,
                        ErrorCodes.INVALID_JOB_STATE,
                        "InvalidJobState : Unknown job state '" + requested + "'"));
    switch (target) {
      case UploadComplete -> {
        job.markUploadComplete(settings.clock().instant());
        JobRun.schedule(job, store, settings, executor);
      }
      case Aborted -> job.abort(settings.clock().instant());
      default ->
          throw BulkApiException.invalidState(
              "A client can only set a job to UploadComplete or Aborted, not "
                  + target
                  + " (job "
                  + job.spec().id()
                  + " is "
                  + job.state()
                  + ")");
    }
    return snapshot(job);
  }

  /** {@code GET /jobs/ingest/{id}}. */
  public JobSnapshot info(String jobId) {
    return snapshot(job(jobId));
  }

  /** {@code GET /jobs/ingest}. */
  public List<JobSnapshot> list() {
    return registry.all().stream().map(this::snapshot).toList();
  }

  /** {@code DELETE /jobs/ingest/{id}}. */
  public void delete(String jobId) {
    IngestJob job = job(jobId);
    job.checkDeletable();
    job.requestStop();
    registry.remove(job);
  }

  /** {@code GET .../successfulResults}. */
  public byte[] successfulResults(String jobId) {
    return JobResults.successful(job(jobId));
  }

  /** {@code GET .../failedResults}. */
  public byte[] failedResults(String jobId) {
    return JobResults.failed(job(jobId));
  }

  /** {@code GET .../unprocessedrecords}. */
  public byte[] unprocessedRecords(String jobId) {
    return JobResults.unprocessed(job(jobId));
  }

  /** Summaries of all jobs, oldest first. */
  public List<BulkJobSummary> summaries() {
    return registry.all().stream()
        .map(this::snapshot)
        .map(
            s ->
                new BulkJobSummary(
                    s.spec().id(),
                    s.spec().object(),
                    s.spec().operation().apiName(),
                    s.state().name(),
                    s.uploadedBytes(),
                    s.recordsProcessed(),
                    s.recordsFailed(),
                    s.internalBatches()))
        .toList();
  }

  /** Stops and forgets every job; returns once no row of a forgotten job is being written. */
  public void reset() {
    List<IngestJob> jobs = registry.clear();
    jobs.forEach(IngestJob::requestStop);
    jobs.forEach(j -> j.awaitRunFinished(STOP_WAIT));
  }

  /** Stops every job and the executor. */
  public void close() {
    reset();
    executor.shutdownNow();
    try {
      executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #close} has been called. */
  public boolean isClosed() {
    return executor.isShutdown();
  }

  private IngestJob job(String jobId) {
    return registry.find(jobId).orElseThrow(BulkApiException::notFound);
  }

  private JobSnapshot snapshot(IngestJob job) {
    return job.snapshot(System.nanoTime());
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory base = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = base.newThread(runnable);
      thread.setName("bulk-ingest-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
