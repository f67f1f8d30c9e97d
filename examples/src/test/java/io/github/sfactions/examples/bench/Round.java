package io.github.sfactions.examples.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One round of a scenario: {@code records} records, at most {@code window} of them in flight
 * (started, not yet ended), each record's latency from its instance's start to its end.
 */
public final class Round {

  private final int records;
  private final Semaphore window;
  private final long[] latencies;
  private final Object lock = new Object();
  private int ended;
  private long startNanos;
  private long endNanos;
  private long lastProgressNanos;

  /**
   * A round of {@code records} records with at most {@code window} in flight (a window of {@code
   * records} or more lets every record start at once).
   */
  public Round(int records, int window) {
    this.records = records;
    this.window = new Semaphore(Math.min(window, records));
    this.latencies = new long[records];
  }

  public int records() {
    return records;
  }

  /** Marks the round's start (before the first record goes in). */
  public void start() {
    synchronized (lock) {
      startNanos = System.nanoTime();
      lastProgressNanos = startNanos;
    }
  }

  /** Waits until {@code count} more records may be in flight. */
  public void admit(int count) throws InterruptedException {
    window.acquire(count);
  }

  /** One record ended after {@code latencyNanos}. */
  void ended(long latencyNanos) {
    synchronized (lock) {
      if (ended < records) {
        latencies[ended++] = latencyNanos;
        lastProgressNanos = System.nanoTime();
        if (ended == records) {
          endNanos = lastProgressNanos;
          lock.notifyAll();
        }
      }
    }
    window.release();
  }

  /**
   * Waits until every record ended; fails when none ended for {@code stall} (a record that will not
   * end: a lost outcome) or, at once, when {@code problem} (asked every second) names one (an
   * incident).
   */
  public void awaitAll(Duration stall, Supplier<String> problem)
      throws InterruptedException, TimeoutException {
    synchronized (lock) {
      while (ended < records) {
        String trouble = problem.get();
        if (trouble != null) {
          throw new IllegalStateException(ended + " of " + records + " records ended; " + trouble);
        }
        long quiet = System.nanoTime() - lastProgressNanos;
        if (quiet > stall.toNanos()) {
          throw new TimeoutException(
              ended
                  + " of "
                  + records
                  + " records ended; none for "
                  + TimeUnit.NANOSECONDS.toSeconds(quiet)
                  + " s");
        }
        lock.wait(1000);
      }
    }
  }

  /** Seconds from the start to the last record's end. */
  public double seconds() {
    synchronized (lock) {
      return (endNanos - startNanos) / 1e9;
    }
  }

  /** The latency percentile ({@code 0.5}, {@code 0.99}) in milliseconds. */
  public double latencyMillis(double percentile) {
    long[] sorted;
    synchronized (lock) {
      sorted = Arrays.copyOf(latencies, ended);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
