package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Starts a flush of a micro-batch group when it fills ({@code maxRecords} records committed on this
 * node since its last start) or {@code maxDelay} after its first record since then, whichever comes
 * first. Records are counted after their transaction committed, so a started flush sees them.
 *
 * <p>The waiting is done here, in memory, not by a BPMN timer: a timer due in a second may wait for
 * an idle job executor's next acquisition (seconds), while a flush started by message is hinted to
 * the job executor at once. What a stopped node's trigger forgets, the queue still holds, and the
 * collector's sweep timer sends it.
 */
public final class MicroBatchTrigger {

  private final MicroBatchSettings settings;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final Map<String, String> failingFlushes = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor worker;
  private volatile RuntimeService runtimeService;

  /** A trigger for these settings. */
  public MicroBatchTrigger(MicroBatchSettings settings) {
    this.settings = settings;
    this.worker =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sfactions-micro-batch-trigger");
              t.setDaemon(true);
              return t;
            });
    worker.setRemoveOnCancelPolicy(true);
  }

  /** Starts flushes through this engine's runtime service from now on. */
  public void start(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Stops starting flushes (the engine is closing). */
  public void stop() {
    runtimeService = null;
    worker.shutdownNow();
  }

  /**
   * The group's flush in this process instance failed technically and is in Camunda's retries:
   * until it recovers, its retries send the group, and no other flush is started for it (one
   * incident per outage, not one per second).
   */
  void failing(String groupKey, String processInstanceId) {
    failingFlushes.put(groupKey, processInstanceId);
  }

  /** A flush of the group succeeded. */
  void recovered(String groupKey) {
    failingFlushes.remove(groupKey);
  }

  /** The instance whose flush of the group is failing, if any (on this node). */
  Optional<String> failingFlush(String groupKey) {
    return Optional.ofNullable(failingFlushes.get(groupKey));
  }

  /** {@code records} records of the group were committed to the queue. */
  public void committed(String groupKey, int records) {
    if (failingFlushes.containsKey(groupKey)) {
      return;
    }
    Group group = groups.computeIfAbsent(groupKey, k -> new Group());
    boolean now;
    boolean later;
    synchronized (group) {
      group.pending += records;
      now = group.pending >= settings.maxRecords();
      if (now) {
        group.pending = 0;
      }
      later = !now && !group.scheduled;
      group.scheduled |= later;
    }
    try {
      if (now) {
        worker.execute(() -> flush(groupKey));
      } else if (later) {
        worker.schedule(
            () -> {
              synchronized (group) {
                group.scheduled = false;
                group.pending = 0;
              }
              flush(groupKey);
            },
            settings.maxDelay().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException closing) {
      // the engine is closing: the queue keeps the records for the next start or another node
    }
  }

  private void flush(String groupKey) {
    RuntimeService runtime = runtimeService;
    if (runtime == null) {
      return;
    }
    try {
      runtime
          .createMessageCorrelation(MicroBatchVariables.FLUSH_MESSAGE)
          .setVariable(MicroBatchVariables.GROUP_KEY, groupKey)
          .correlateStartMessage();
    } catch (RuntimeException e) {
      BulkLogger.microTriggerFailed(groupKey, e);
    }
  }

  /** This node's view of one group. */
  private static final class Group {
    /** Records committed since the last start. */
    private int pending;

    /** A delayed start is scheduled. */
    private boolean scheduled;
  }
}
