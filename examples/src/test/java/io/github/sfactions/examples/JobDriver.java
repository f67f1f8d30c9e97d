package io.github.sfactions.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the engine's jobs in the test thread (the job executor is off in these tests), as the job
 * executor would, ignoring due dates: a failing job loses one retry per run until it becomes an
 * incident. Timer start events (jobs of no process instance, such as the bulk ingest's flush timer)
 * are left alone: they would never run out.
 */
final class JobDriver {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final ManagementService management;

  JobDriver(ManagementService management) {
    this.management = management;
  }

  /** Runs jobs until none with retries left remains; returns how many runs failed. */
  int runAll() {
    Instant deadline = Instant.now().plus(DEADLINE);
    int failures = 0;
    while (true) {
      List<Job> jobs =
          management.createJobQuery().withRetriesLeft().active().list().stream()
              .filter(job -> job.getProcessInstanceId() != null)
              .toList();
      if (jobs.isEmpty()) {
        return failures;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Jobs still pending after " + DEADLINE + ": " + jobs);
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures++;
        }
      }
    }
  }
}
