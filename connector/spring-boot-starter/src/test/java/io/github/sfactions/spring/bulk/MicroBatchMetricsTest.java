package io.github.sfactions.spring.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.sfactions.bpmn.bulk.MicroBatchDepth;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The micro-batch meters: what a flush records under its connection and object, and gauges that
 * read the queue's depth at most once per second and show NaN instead of throwing.
 */
class MicroBatchMetricsTest {

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private MicroBatchMetrics metrics(Supplier<MicroBatchDepth> depth) {
    MicroBatchMetrics metrics =
        new MicroBatchMetrics(
            () -> {
              reads.incrementAndGet();
              return depth.get();
            },
            Duration.ofSeconds(1),
            clock::get);
    metrics.bindTo(registry);
    return metrics;
  }

  @Test
  void aFlushIsRecordedUnderItsConnectionAndObject() {
    MicroBatchMetrics metrics = metrics(() -> MicroBatchDepth.EMPTY);

    metrics.flushed("default", "Lead", 50, 2, 1200);
    metrics.flushed("default", "Lead", 200, 4, 300);
    metrics.flushed("eu", "Contact", 3, 0, 0);

    DistributionSummary records = summary(MicroBatchMetrics.FLUSH_RECORDS, "default", "Lead");
    assertThat(records.count()).isEqualTo(2);
    assertThat(records.totalAmount()).isEqualTo(250);
    assertThat(records.max()).isEqualTo(200);
    DistributionSummary calls = summary(MicroBatchMetrics.FLUSH_API_CALLS, "default", "Lead");
    assertThat(calls.totalAmount()).isEqualTo(6);
    DistributionSummary perCall = summary(MicroBatchMetrics.RECORDS_PER_CALL, "default", "Lead");
    assertThat(perCall.count()).isEqualTo(2);
    assertThat(perCall.totalAmount()).isEqualTo(25 + 50);
    assertThat(perCall.max()).isEqualTo(50);
    Timer wait = registry.get(MicroBatchMetrics.WAIT).tag("sobject", "Lead").timer();
    assertThat(wait.count()).isEqualTo(2);
    assertThat(wait.max(TimeUnit.MILLISECONDS)).isEqualTo(1200);

    assertThat(summary(MicroBatchMetrics.FLUSH_RECORDS, "eu", "Contact").totalAmount())
        .isEqualTo(3);
    // a flush without calls (every record rejected before sending) has no records per call
    assertThat(registry.find(MicroBatchMetrics.RECORDS_PER_CALL).tag("connection", "eu").summary())
        .isNull();
  }

  @Test
  void flushesFromManyThreadsAreAllCounted() throws Exception {
    MicroBatchMetrics metrics = metrics(() -> MicroBatchDepth.EMPTY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    metrics.flushed("default", "Lead", 10, 1, 5);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(summary(MicroBatchMetrics.FLUSH_RECORDS, "default", "Lead").totalAmount())
        .isEqualTo(4 * 500 * 10);
  }

  @Test
  void theListenerNeverThrowsIntoTheCollector() {
    MicroBatchMetrics metrics = metrics(() -> MicroBatchDepth.EMPTY);
    // a meter of the same name but another type makes the registry refuse the flush's meters
    registry.counter(MicroBatchMetrics.WAIT, "connection", "default", "sobject", "Lead");

    assertThatCode(() -> metrics.flushed("default", "Lead", 1, 1, 1)).doesNotThrowAnyException();
    assertThatCode(() -> metrics.flushed(null, null, 1, 1, 1)).doesNotThrowAnyException();
  }

  @Test
  void theGaugesShowTheQueueAndReadItAtMostOncePerSecond() {
    AtomicLong waiting = new AtomicLong(7);
    metrics(() -> new MicroBatchDepth(waiting.get(), Duration.ofMillis(2500)));

    assertThat(gauge(MicroBatchMetrics.QUEUE_DEPTH)).isEqualTo(7);
    assertThat(gauge(MicroBatchMetrics.QUEUE_AGE)).isEqualTo(2.5);
    waiting.set(9);
    clock.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(gauge(MicroBatchMetrics.QUEUE_DEPTH)).isEqualTo(7);
    assertThat(reads).hasValue(1);

    clock.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(gauge(MicroBatchMetrics.QUEUE_DEPTH)).isEqualTo(9);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aDepthThatCannotBeReadIsNaNAndNotAskedForAgainWithinTheSecond() {
    AtomicInteger calls = new AtomicInteger();
    metrics(
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database down");
          }
          return new MicroBatchDepth(4, Duration.ZERO);
        });

    assertThat(gauge(MicroBatchMetrics.QUEUE_DEPTH)).isNaN();
    assertThat(gauge(MicroBatchMetrics.QUEUE_AGE)).isNaN();
    assertThat(reads).hasValue(1);

    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(gauge(MicroBatchMetrics.QUEUE_DEPTH)).isEqualTo(4);
  }

  private DistributionSummary summary(String name, String connection, String sobject) {
    return registry.get(name).tag("connection", connection).tag("sobject", sobject).summary();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }
}
