package io.github.sfactions.examples.bench;

import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import java.util.Locale;

/**
 * Hears the micro-batch collector's flushes of a round (its {@link MicroBatchListener}): how many,
 * how full, and how long the oldest record of a flush had waited in the queue when it was claimed —
 * the part of a record's latency spent before its group went to Salesforce.
 */
final class FlushLog implements MicroBatchListener {

  private int flushes;
  private long records;
  private long apiCalls;
  private long longestWaitMillis;

  @Override
  public synchronized void flushed(
      String connection, String sobject, int records, int apiCalls, long oldestWaitMillis) {
    flushes++;
    this.records += records;
    this.apiCalls += apiCalls;
    longestWaitMillis = Math.max(longestWaitMillis, oldestWaitMillis);
  }

  /** What the round's flushes did, then starts over for the next round. */
  synchronized String takeSummary() {
    String summary =
        String.format(
            Locale.ROOT,
            "%d flushes, %.1f records and %.2f calls each, longest queue wait at claim %d ms",
            flushes,
            flushes == 0 ? 0.0 : (double) records / flushes,
            flushes == 0 ? 0.0 : (double) apiCalls / flushes,
            longestWaitMillis);
    flushes = 0;
    records = 0;
    apiCalls = 0;
    longestWaitMillis = 0;
    return summary;
  }
}
