package io.github.sfactions.bpmn.bulk;

import java.time.Duration;
import java.util.Objects;

/**
 * How the micro-batch collector groups records ({@code delivery=microBatch}): a group is sent when
 * it holds {@link #maxRecords()} records or its oldest record has waited {@link #maxDelay()}; a
 * sweep every {@link #sweepInterval()} sends what a lost trigger (a node that stopped) left behind.
 */
public final class MicroBatchSettings {

  /** Records per sObject Collections call, and so per flush. */
  public static final int COLLECTION_LIMIT = 200;

  /** Default longest wait of a record for its group to fill. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1);

  /** Default period of the sweep that sends records whose trigger was lost. */
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

  private final int maxRecords;
  private final Duration maxDelay;
  private final Duration sweepInterval;

  private MicroBatchSettings(Builder b) {
    this.maxRecords = b.maxRecords;
    this.maxDelay = b.maxDelay;
    this.sweepInterval = b.sweepInterval;
  }

  /** The defaults: 200 records, 1 s, a sweep every 30 s. */
  public static MicroBatchSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Most records a flush sends (1 to 200). */
  public int maxRecords() {
    return maxRecords;
  }

  /** Longest wait of a record before its group is sent, full or not. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Period of the sweep. */
  public Duration sweepInterval() {
    return sweepInterval;
  }

  /**
   * The sweep's timer cycle, read by the collector's timer start event ({@code
   * ${sfactionsMicroBatch.sweepCycle}}, hence the bean-style name).
   */
  public String getSweepCycle() {
    return "R/" + sweepInterval;
  }

  @Override
  public String toString() {
    return "MicroBatchSettings[maxRecords="
        + maxRecords
        + ", maxDelay="
        + maxDelay
        + ", sweepInterval="
        + sweepInterval
        + "]";
  }

  /** Builds settings; every setter checks its value and names it when wrong. */
  public static final class Builder {
    private int maxRecords = COLLECTION_LIMIT;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;

    private Builder() {}

    /** Most records a flush sends: 1 to 200 (one sObject Collections call per kind of write). */
    public Builder maxRecords(int records) {
      if (records < 1 || records > COLLECTION_LIMIT) {
        throw new IllegalArgumentException(
            "sfactions micro-batch: maxRecords must be between 1 and "
                + COLLECTION_LIMIT
                + " (one sObject Collections call), not "
                + records);
      }
      this.maxRecords = records;
      return this;
    }

    /** Longest wait of a record (positive, at most one minute). */
    public Builder maxDelay(Duration delay) {
      Objects.requireNonNull(delay, "maxDelay");
      if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "sfactions micro-batch: maxDelay must be positive and at most PT1M, not " + delay);
      }
      this.maxDelay = delay;
      return this;
    }

    /** Period of the sweep (at least one second). */
    public Builder sweepInterval(Duration interval) {
      Objects.requireNonNull(interval, "sweepInterval");
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "sfactions micro-batch: sweepInterval must be at least PT1S, not " + interval);
      }
      this.sweepInterval = interval;
      return this;
    }

    /** The settings. */
    public MicroBatchSettings build() {
      return new MicroBatchSettings(this);
    }
  }
}
