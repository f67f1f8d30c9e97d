package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.MicroBatchDepth;
import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import io.github.sfactions.bpmn.bulk.MicroBatchLog;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer metrics of the micro-batch collector ({@code delivery=microBatch}), registered as the
 * {@link io.github.sfactions.bpmn.bulk.BulkIngestPlugin}'s {@link MicroBatchListener}:
 *
 * <ul>
 *   <li>per flush, tagged {@code connection} and {@code sobject}: {@value #FLUSH_RECORDS}
 *       (distribution summary of the records a flush sent; its count is the number of flushes),
 *       {@value #FLUSH_API_CALLS} (distribution summary of the Salesforce calls a flush made),
 *       {@value #RECORDS_PER_CALL} (distribution summary of records per call of each flush that
 *       made calls) and {@value #WAIT} (timer of how long the oldest record of a flush waited in
 *       the queue). The overall records per call is the sum of {@value #FLUSH_RECORDS} divided by
 *       the sum of {@value #FLUSH_API_CALLS} over the same window.
 *   <li>{@value #QUEUE_DEPTH} and {@value #QUEUE_AGE} (gauges, no tags): records waiting for
 *       micro-batch delivery and the age of the oldest, in seconds. They describe the shared queue
 *       in the engine's database, so every node of a cluster reports the same value; each read
 *       reuses a value up to {@link #DEPTH_CACHE} old and shows NaN while the database cannot be
 *       read.
 * </ul>
 *
 * Thread-safe; the listener never throws into the collector.
 */
public class MicroBatchMetrics implements MicroBatchListener, MeterBinder {

  /** Records per flush. */
  public static final String FLUSH_RECORDS = "sfactions.microbatch.flush.records";

  /** Salesforce calls per flush. */
  public static final String FLUSH_API_CALLS = "sfactions.microbatch.flush.api.calls";

  /** Records per Salesforce call, per flush. */
  public static final String RECORDS_PER_CALL = "sfactions.microbatch.records.per.call";

  /** Wait of a flush's oldest record. */
  public static final String WAIT = "sfactions.microbatch.wait";

  /** Records waiting for micro-batch delivery. */
  public static final String QUEUE_DEPTH = "sfactions.microbatch.queue.depth";

  /** Age of the oldest waiting record, in seconds. */
  public static final String QUEUE_AGE = "sfactions.microbatch.queue.age.seconds";

  /** How long one read of the queue's depth serves the gauges. */
  public static final Duration DEPTH_CACHE = Duration.ofSeconds(1);

  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final CachedDepth depth;

  /** Metrics whose gauges read the queue's depth from {@code depth} (a database query). */
  public MicroBatchMetrics(Supplier<MicroBatchDepth> depth) {
    this(depth, DEPTH_CACHE, System::nanoTime);
  }

  MicroBatchMetrics(Supplier<MicroBatchDepth> depth, Duration cache, LongSupplier clock) {
    this.depth = new CachedDepth(depth, cache, clock);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    gauge(
        registry, QUEUE_DEPTH, "Records waiting for micro-batch delivery", null, d -> d.records());
    gauge(
        registry,
        QUEUE_AGE,
        "Age of the oldest record waiting for micro-batch delivery",
        "seconds",
        d -> d.oldestAge().toMillis() / 1000.0);
  }

  @Override
  public void flushed(
      String connection, String sobject, int records, int apiCalls, long oldestWaitMillis) {
    try {
      Tags tags =
          Tags.of("connection", String.valueOf(connection), "sobject", String.valueOf(sobject));
      for (MeterRegistry registry : registries) {
        summary(FLUSH_RECORDS, "Records sent per micro-batch flush", "records", tags, registry)
            .record(records);
        summary(FLUSH_API_CALLS, "Salesforce calls per micro-batch flush", "calls", tags, registry)
            .record(apiCalls);
        if (apiCalls > 0) {
          summary(
                  RECORDS_PER_CALL,
                  "Records per Salesforce call of a micro-batch flush",
                  null,
                  tags,
                  registry)
              .record((double) records / apiCalls);
        }
        Timer.builder(WAIT)
            .description("Wait of the oldest record of a micro-batch flush in the queue")
            .tags(tags)
            .register(registry)
            .record(Math.max(0, oldestWaitMillis), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      // the flush is committed: a metric must not turn it into a failure
      MicroBatchLog.metricsFailed(e);
    }
  }

  private static DistributionSummary summary(
      String name, String description, String unit, Tags tags, MeterRegistry registry) {
    return DistributionSummary.builder(name)
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String unit,
      ToDoubleFunction<MicroBatchDepth> value) {
    Gauge.builder(
            name,
            depth,
            d -> {
              MicroBatchDepth current = d.get();
              return current == null ? Double.NaN : value.applyAsDouble(current);
            })
        .description(description)
        .baseUnit(unit)
        .strongReference(true)
        .register(registry);
  }
}
