package io.github.sfactions.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;

/**
 * Runs jobs by hand the way a busy job executor would: on {@value #THREADS} threads at once (fewer
 * than the engine's 10 pooled connections, as a job executor's pool would be), through the engine
 * and its database. A job that could not take its record's turn in time ({@link
 * RecordBusyException}) is run again, as the job executor would after its short delay; any other
 * failure fails the test. (Used by the connector's and the BPMN module's tests.)
 */
public final class ConcurrentJobs {

  /** Job threads. */
  public static final int THREADS = 8;

  private ConcurrentJobs() {}

  /**
   * Runs the jobs until each has succeeded once.
   *
   * @return how many attempts found their record busy
   */
  public static int runAtOnce(ManagementService management, List<String> jobIds) throws Exception {
    int busy = 0;
    List<String> pending = jobIds;
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round > 20) {
        throw new AssertionError("Jobs still busy after 20 rounds: " + pending);
      }
      pending = runRound(management, pending);
      busy += pending.size();
    }
    return busy;
  }

  private static List<String> runRound(ManagementService management, List<String> jobIds)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(Math.min(THREADS, jobIds.size()));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String id : jobIds) {
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  management.executeJob(id);
                  return null;
                }));
      }
      start.countDown();
      List<String> busy = new ArrayList<>();
      for (int i = 0; i < done.size(); i++) {
        try {
          done.get(i).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!isRecordBusy(e.getCause())) {
            throw e;
          }
          busy.add(jobIds.get(i));
        }
      }
      return busy;
    } finally {
      threads.shutdownNow();
    }
  }

  private static boolean isRecordBusy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RecordBusyException) {
        return true;
      }
    }
    return false;
  }
}
