package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * How batches fill (batches of {@value #BATCH}, flush interval 30 s, {@code maxBatchWait} 2 min): a
 * group filled by concurrent transactions starts its run at once, the timer leaves a group alone
 * while records still arrive, and a steady trickle still goes out after {@code maxBatchWait}.
 */
abstract class BatchFillingCases extends QueueCasesSupport {

  static final int BATCH = 200;

  BatchFillingCases(ProcessEngine engine) {
    super(engine, "io/github/sfactions/bpmn/bulk/bulk-lean-caller.bpmn");
  }

  @Test
  void aBatchFilledByConcurrentTransactionsStartsOneRunAtOnceWithoutTheTimer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      running.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < BATCH / 8; i++) {
                  queue("T" + thread + "-" + i);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    driver.awaitBulkRuns(1, Duration.ofSeconds(30));
    driver.drainBulk(sf, Duration.ofSeconds(10));

    // one full batch, sent without moving the clock to the timer
    assertThat(jobSizes()).containsExactly((long) BATCH);
    assertThat(LOG.entries()).hasSize(BATCH);
    assertThat(QueueTable.size(engine)).isZero();
  }

  @Test
  void theTimerLeavesAGroupAloneWhileRecordsStillArriveSoBatchesGoOutFull() {
    queueMany("A", 120);
    JobDriver.advance(Duration.ofSeconds(25));
    queueMany("B", 120);
    // the timer fires: the oldest record waited 31 s, but the group is still filling
    JobDriver.advance(Duration.ofSeconds(6));
    driver.awaitBulkRuns(1, Duration.ofSeconds(30));
    driver.drainBulk(sf, Duration.ofSeconds(1));
    assertThat(jobSizes()).containsExactly((long) BATCH);

    // quiet for a flush interval: the timer sends the rest
    JobDriver.advance(Duration.ofSeconds(31));
    driver.drainBulk(sf, Duration.ofSeconds(1));
    assertThat(jobSizes()).containsExactly((long) BATCH, 40L);
    assertThat(LOG.entries()).hasSize(240);
  }

  @Test
  void aTrickleThatNeverFillsABatchGoesOutOnceItsOldestRecordWaitedMaxBatchWait() {
    long first = ClockUtil.getCurrentTime().getTime();
    int queued = 0;
    // a record every 20 s: the group is never quiet for a flush interval (30 s)
    while (BulkTestOrg.jobs(sf).isEmpty()) {
      assertThat(ClockUtil.getCurrentTime().getTime() - first)
          .as("no batch yet after %d records", queued)
          .isLessThan(Duration.ofMinutes(3).toMillis());
      queue("Trickle" + queued++);
      JobDriver.advance(Duration.ofSeconds(20));
      driver.runDueJobs();
    }
    long waited = ClockUtil.getCurrentTime().getTime() - first;
    driver.drainBulk(sf, Duration.ofSeconds(1));

    // sent by the first timer run after the oldest record waited maxBatchWait (2 min), in one job
    assertThat(waited)
        .isBetween(Duration.ofMinutes(2).toMillis(), Duration.ofMinutes(3).toMillis());
    assertThat(jobSizes()).containsExactly((long) queued);
    assertThat(LOG.entries()).hasSize(queued);
  }

  private void queueMany(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      queue(prefix + i);
    }
  }

  private void queue(String lastName) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "BulkLeanCaller", Map.of("lastName", lastName, "connection", BulkTestOrg.CONNECTION));
  }
}
