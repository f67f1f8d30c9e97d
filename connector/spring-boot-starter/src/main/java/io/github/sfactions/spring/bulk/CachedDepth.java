package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.MicroBatchDepth;
import io.github.sfactions.bpmn.bulk.MicroBatchLog;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The micro-batch queue's depth for gauges: each read of the source is a database query, so a value
 * is reused for {@code maxAge} (both gauges and every registry share one query per period), and a
 * failed read gives {@code null} (the gauges show NaN) instead of an exception in the meter
 * registry's scrape. Thread-safe.
 */
final class CachedDepth {

  private final Supplier<MicroBatchDepth> source;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private long readAt;
  private boolean read;
  private MicroBatchDepth value;
  private boolean failing;

  CachedDepth(Supplier<MicroBatchDepth> source, Duration maxAge, LongSupplier nanoClock) {
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The depth read at most {@code maxAge} ago, or null when that read failed. */
  synchronized MicroBatchDepth get() {
    long now = nanoClock.getAsLong();
    if (read && now - readAt < maxAgeNanos) {
      return value;
    }
    read = true;
    readAt = now;
    try {
      value = source.get();
      failing = false;
    } catch (RuntimeException e) {
      // a failure is also kept for maxAge: a database that is down is not asked on every scrape
      value = null;
      MicroBatchLog.depthUnreadable(e, !failing);
      failing = true;
    }
    return value;
  }
}
