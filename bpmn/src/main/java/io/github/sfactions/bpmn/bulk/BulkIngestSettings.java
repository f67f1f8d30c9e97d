package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.client.BulkBatchSplitter;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the bulk ingest process: how big a batch is, how long records wait for it to fill,
 * how the job is polled and how outcomes are reported. Immutable; build with {@link #builder()}.
 * Set them through {@link BulkIngestPlugin} properties.
 */
public final class BulkIngestSettings {

  /** Default flush interval of the timer start event. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(30);

  /** Unless set, {@code maxBatchWait} is this many flush intervals (2 minutes at the default). */
  public static final int DEFAULT_MAX_BATCH_WAIT_INTERVALS = 4;

  /** Default wait between two job state polls. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  /**
   * Default wait before the first poll of a closed job (at most {@code pollInterval}): a job that
   * Salesforce finishes within a second is read after one second, not after a whole poll interval.
   */
  public static final Duration DEFAULT_FIRST_POLL_INTERVAL = Duration.ofSeconds(1);

  /** Default longest wait for a closed job to finish before it is aborted and its records fail. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(1);

  /** Default age after which a claimed batch that never got results is handed out again. */
  public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofHours(3);

  /** Default number of outcomes correlated in one transaction. */
  public static final int DEFAULT_REPORT_CHUNK_SIZE = 500;

  /** Default number of jobs tried per batch when uploads fail. */
  public static final int DEFAULT_MAX_UPLOAD_ATTEMPTS = 3;

  private final int batchSize;
  private final long maxCsvBytes;
  private final Duration flushInterval;
  private final Duration maxBatchWait;
  private final Duration pollInterval;
  private final Duration firstPollInterval;
  private final Duration maxWait;
  private final Duration claimTimeout;
  private final int reportChunkSize;
  private final int maxUploadAttempts;

  private BulkIngestSettings(Builder b) {
    this.batchSize = b.batchSize;
    this.maxCsvBytes = b.maxCsvBytes;
    this.flushInterval = b.flushInterval;
    this.maxBatchWait =
        b.maxBatchWait == null
            ? b.flushInterval.multipliedBy(DEFAULT_MAX_BATCH_WAIT_INTERVALS)
            : b.maxBatchWait;
    this.pollInterval = b.pollInterval;
    this.firstPollInterval =
        b.firstPollInterval.compareTo(b.pollInterval) < 0 ? b.firstPollInterval : b.pollInterval;
    this.maxWait = b.maxWait;
    this.claimTimeout = b.claimTimeout;
    this.reportChunkSize = b.reportChunkSize;
    this.maxUploadAttempts = b.maxUploadAttempts;
  }

  /** The defaults: 5000 records, 100 MB, flush every 30 s, poll every 10 s, wait at most 1 h. */
  public static BulkIngestSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Most records in one Bulk API job (default 5000). */
  public int batchSize() {
    return batchSize;
  }

  /** Most bytes of CSV in one upload (default 100 MB). */
  public long maxCsvBytes() {
    return maxCsvBytes;
  }

  /**
   * How often the timer start event looks at the queue. A group that does not fill a batch is sent
   * once no record was queued into it for this long.
   */
  public Duration flushInterval() {
    return flushInterval;
  }

  /**
   * Longest wait of a record for its batch to fill while records keep arriving; then the timer
   * sends the partial batch (default four flush intervals).
   */
  public Duration maxBatchWait() {
    return maxBatchWait;
  }

  /** Wait between two job state polls. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * Wait between closing a job and its first poll: the configured first poll interval (default
   * {@code PT1S}), at most {@link #pollInterval()}. Later polls wait {@link #pollInterval()}. One
   * short first look costs at most one API call per job and saves most of a poll interval on every
   * job Salesforce finishes quickly (the tail of a back-fill waits for it).
   */
  public Duration firstPollInterval() {
    return firstPollInterval;
  }

  /** Longest wait for a closed job; then it is aborted and its records fail. */
  public Duration maxWait() {
    return maxWait;
  }

  /** Age after which an abandoned claim (no results yet) is released for another batch. */
  public Duration claimTimeout() {
    return claimTimeout;
  }

  /** Outcomes correlated per transaction. */
  public int reportChunkSize() {
    return reportChunkSize;
  }

  /** Jobs tried for one batch when uploads fail (each failed upload aborts its job). */
  public int maxUploadAttempts() {
    return maxUploadAttempts;
  }

  /** The timer start event's cycle, e.g. {@code R/PT30S}. */
  public String flushCycle() {
    return "R/" + flushInterval;
  }

  @Override
  public String toString() {
    return "BulkIngestSettings[batchSize="
        + batchSize
        + ", maxCsvBytes="
        + maxCsvBytes
        + ", flushInterval="
        + flushInterval
        + ", maxBatchWait="
        + maxBatchWait
        + ", pollInterval="
        + pollInterval
        + ", firstPollInterval="
        + firstPollInterval
        + ", maxWait="
        + maxWait
        + ", claimTimeout="
        + claimTimeout
        + ", reportChunkSize="
        + reportChunkSize
        + ", maxUploadAttempts="
        + maxUploadAttempts
        + "]";
  }

  /** Builder of {@link BulkIngestSettings}; {@link #build()} checks the values together. */
  public static final class Builder {
    private int batchSize = BulkBatchSplitter.DEFAULT_MAX_RECORDS;
    private long maxCsvBytes = BulkBatchSplitter.DEFAULT_MAX_BYTES;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private Duration maxBatchWait;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration firstPollInterval = DEFAULT_FIRST_POLL_INTERVAL;
    private Duration maxWait = DEFAULT_MAX_WAIT;
    private Duration claimTimeout = DEFAULT_CLAIM_TIMEOUT;
    private int reportChunkSize = DEFAULT_REPORT_CHUNK_SIZE;
    private int maxUploadAttempts = DEFAULT_MAX_UPLOAD_ATTEMPTS;

    private Builder() {}

    public Builder batchSize(int records) {
      this.batchSize = records;
      return this;
    }

    public Builder maxCsvBytes(long bytes) {
      this.maxCsvBytes = bytes;
      return this;
    }

    public Builder flushInterval(Duration interval) {
      this.flushInterval = Objects.requireNonNull(interval, "flushInterval");
      return this;
    }

    /** Longest wait for a batch to fill (unset: four flush intervals). */
    public Builder maxBatchWait(Duration wait) {
      this.maxBatchWait = Objects.requireNonNull(wait, "maxBatchWait");
      return this;
    }

    public Builder pollInterval(Duration interval) {
      this.pollInterval = Objects.requireNonNull(interval, "pollInterval");
      return this;
    }

    /** Wait before the first poll of a closed job (capped at the poll interval). */
    public Builder firstPollInterval(Duration interval) {
      this.firstPollInterval = Objects.requireNonNull(interval, "firstPollInterval");
      return this;
    }

    public Builder maxWait(Duration wait) {
      this.maxWait = Objects.requireNonNull(wait, "maxWait");
      return this;
    }

    public Builder claimTimeout(Duration timeout) {
      this.claimTimeout = Objects.requireNonNull(timeout, "claimTimeout");
      return this;
    }

    public Builder reportChunkSize(int outcomes) {
      this.reportChunkSize = outcomes;
      return this;
    }

    public Builder maxUploadAttempts(int attempts) {
      this.maxUploadAttempts = attempts;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the property when a value is out of range
     */
    public BulkIngestSettings build() {
      // Salesforce caps one upload at 150 MB after base64, i.e. about 100 MB of raw CSV.
      require(
          batchSize >= 1 && batchSize <= 150_000_000,
          "batchSize must be 1..150000000, got " + batchSize);
      require(
          maxCsvBytes >= 1024 && maxCsvBytes <= BulkBatchSplitter.DEFAULT_MAX_BYTES,
          "maxCsvBytes must be 1024.."
              + BulkBatchSplitter.DEFAULT_MAX_BYTES
              + ", got "
              + maxCsvBytes);
      require(positive(flushInterval), "flushInterval must be positive, got " + flushInterval);
      require(
          maxBatchWait == null || maxBatchWait.compareTo(flushInterval) >= 0,
          "maxBatchWait ("
              + maxBatchWait
              + ") must be at least flushInterval ("
              + flushInterval
              + ")");
      require(positive(pollInterval), "pollInterval must be positive, got " + pollInterval);
      require(
          positive(firstPollInterval),
          "firstPollInterval must be positive, got " + firstPollInterval);
      require(positive(maxWait), "maxWait must be positive, got " + maxWait);
      // a claim released while its job is still being polled would send its records twice
      require(
          claimTimeout.compareTo(maxWait.plus(pollInterval.multipliedBy(2))) > 0,
          "claimTimeout ("
              + claimTimeout
              + ") must exceed maxWait ("
              + maxWait
              + ") plus two poll intervals");
      require(
          reportChunkSize >= 1 && reportChunkSize <= 10_000,
          "reportChunkSize must be 1..10000, got " + reportChunkSize);
      require(
          maxUploadAttempts >= 1 && maxUploadAttempts <= 20,
          "maxUploadAttempts must be 1..20, got " + maxUploadAttempts);
      return new BulkIngestSettings(this);
    }

    private static boolean positive(Duration d) {
      return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("sfactions bulk ingest: " + message);
      }
    }
  }
}
