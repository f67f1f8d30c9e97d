package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives jobs and timers by hand (the job executor is off): executes every due job, and moves the
 * engine clock over poll timers once the emulator's bulk jobs have settled. Failing jobs keep their
 * exception (and lose a retry) as they would on the job executor.
 */
public final class JobDriver {

  private static final int MAX_ROUNDS = 10_000;
  private static final Map<String, String> ACTIVITIES = new ConcurrentHashMap<>();

  private final ProcessEngine engine;
  private final List<RuntimeException> failures = new ArrayList<>();

  public JobDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Executes due jobs until none is due; returns how many ran. */
  public int runDueJobs() {
    ManagementService m = engine.getManagementService();
    int executed = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = m.createJobQuery().executable().listPage(0, 200);
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        try {
          m.executeJob(job.getId());
        } catch (RuntimeException failure) {
          failures.add(failure);
        }
        executed++;
      }
    }
    throw new AssertionError("Jobs still due after " + MAX_ROUNDS + " rounds");
  }

  /**
   * Runs bulk ingest instances to their end: due jobs; then, while one waits on a timer, waits for
   * the emulator's jobs to settle and moves the clock by {@code step}.
   */
  public void drainBulk(SalesforceEmulator emulator, Duration step) {
    for (int round = 0; round < 200; round++) {
      runDueJobs();
      if (activeBulkRuns() == 0) {
        return;
      }
      BulkTestOrg.awaitJobsSettled(emulator, Duration.ofSeconds(30));
      advance(step);
    }
    throw new AssertionError("Bulk ingest still running after 200 rounds");
  }

  /** Bulk ingest instances that have not ended. */
  public long activeBulkRuns() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(BulkIngestVariables.PROCESS_KEY)
        .count();
  }

  /**
   * Waits (bounded, in real time) until at least {@code count} bulk ingest runs exist: runs started
   * by a full group begin on a background thread right after the records commit.
   */
  public void awaitBulkRuns(long count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (activeBulkRuns() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Expected "
                + count
                + " bulk ingest runs within "
                + timeout
                + ", saw "
                + activeBulkRuns());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Moves the engine clock forward. */
  public static void advance(Duration d) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis()));
  }

  /** Starts a bulk ingest run at once (as a full batch or an operator would). */
  public void flush() {
    engine
        .getRuntimeService()
        .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
        .correlateStartMessage();
  }

  /** The activity a job belongs to (from its job definition; null for jobs without one). */
  public static String activityOf(ProcessEngine engine, Job job) {
    if (job.getJobDefinitionId() == null) {
      return null;
    }
    return ACTIVITIES.computeIfAbsent(
        job.getJobDefinitionId(),
        id -> {
          JobDefinition definition =
              engine
                  .getManagementService()
                  .createJobDefinitionQuery()
                  .jobDefinitionId(id)
                  .singleResult();
          return definition == null ? "" : definition.getActivityId();
        });
  }

  /** Exceptions thrown by failing jobs so far. */
  public List<RuntimeException> failures() {
    return failures;
  }
}
