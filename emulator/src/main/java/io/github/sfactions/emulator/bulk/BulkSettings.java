package io.github.sfactions.emulator.bulk;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the Bulk API 2.0 ingest emulation: upload cap, processing speed and the minimum time
 * a job stays in {@code UploadComplete} and {@code InProgress} so that polling clients observe
 * them.
 *
 * <p>Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class BulkSettings {

  /** Salesforce's cap for one upload: 150 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 150L * 1024 * 1024;

  /** Salesforce splits a job into internal batches of 10,000 records. */
  public static final int DEFAULT_INTERNAL_BATCH_SIZE = 10_000;

  /** Default minimum dwell in {@code UploadComplete} and in {@code InProgress}. */
  public static final Duration DEFAULT_STATE_DWELL = Duration.ofMillis(200);

  /** Default number of background threads processing jobs. */
  public static final int DEFAULT_WORKER_THREADS = 2;

  private final long maxUploadBytes;
  private final long recordsPerSecond;
  private final Duration uploadCompleteDwell;
  private final Duration inProgressDwell;
  private final int internalBatchSize;
  private final int workerThreads;
  private final Clock clock;

  private BulkSettings(Builder b) {
    this.maxUploadBytes = b.maxUploadBytes;
    this.recordsPerSecond = b.recordsPerSecond;
    this.uploadCompleteDwell = b.uploadCompleteDwell;
    this.inProgressDwell = b.inProgressDwell;
    this.internalBatchSize = b.internalBatchSize;
    this.workerThreads = b.workerThreads;
    this.clock = b.clock;
  }

  /** Salesforce-like defaults: 150 MB cap, unthrottled, 200 ms dwell per state. */
  public static BulkSettings defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Largest accepted upload in bytes; a larger upload is rejected with HTTP 413. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Processing speed in records per second; 0 means as fast as possible. */
  public long recordsPerSecond() {
    return recordsPerSecond;
  }

  /** Minimum time a closed job stays {@code UploadComplete} before processing starts. */
  public Duration uploadCompleteDwell() {
    return uploadCompleteDwell;
  }

  /** Minimum time a job stays {@code InProgress}, however fast its rows are processed. */
  public Duration inProgressDwell() {
    return inProgressDwell;
  }

  /** Records per internal batch (Salesforce: 10,000). */
  public int internalBatchSize() {
    return internalBatchSize;
  }

  /** Threads of the background executor that processes jobs. */
  public int workerThreads() {
    return workerThreads;
  }

  /** Clock for {@code createdDate} and {@code systemModstamp}. */
  public Clock clock() {
    return clock;
  }

  /** Builder of {@link BulkSettings}; every setter validates its argument. */
  public static final class Builder {
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private long recordsPerSecond;
    private Duration uploadCompleteDwell = DEFAULT_STATE_DWELL;
    private Duration inProgressDwell = DEFAULT_STATE_DWELL;
    private int internalBatchSize = DEFAULT_INTERNAL_BATCH_SIZE;
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Upload cap in bytes, at least 1. */
    public Builder maxUploadBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxUploadBytes must be at least 1, was " + bytes);
      }
      this.maxUploadBytes = bytes;
      return this;
    }

    /** Records per second, 0 for unthrottled. */
    public Builder recordsPerSecond(long recordsPerSecond) {
      if (recordsPerSecond < 0) {
        throw new IllegalArgumentException(
            "recordsPerSecond must not be negative, was " + recordsPerSecond);
      }
      this.recordsPerSecond = recordsPerSecond;
      return this;
    }

    /** Minimum dwell in {@code UploadComplete}; zero allowed. */
    public Builder uploadCompleteDwell(Duration dwell) {
      this.uploadCompleteDwell = requireNonNegative(dwell, "uploadCompleteDwell");
      return this;
    }

    /** Minimum dwell in {@code InProgress}; zero allowed. */
    public Builder inProgressDwell(Duration dwell) {
      this.inProgressDwell = requireNonNegative(dwell, "inProgressDwell");
      return this;
    }

    /** Sets both dwells at once; {@link Duration#ZERO} makes small jobs finish immediately. */
    public Builder stateDwell(Duration dwell) {
      return uploadCompleteDwell(dwell).inProgressDwell(dwell);
    }

    /** Records per internal batch, at least 1. */
    public Builder internalBatchSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("internalBatchSize must be at least 1, was " + size);
      }
      this.internalBatchSize = size;
      return this;
    }

    /** Background worker threads, at least 1. */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1, was " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /** Clock for job timestamps. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The immutable settings. */
    public BulkSettings build() {
      return new BulkSettings(this);
    }

    private static Duration requireNonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
