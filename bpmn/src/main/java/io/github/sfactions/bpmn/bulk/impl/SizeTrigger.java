package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Starts a bulk ingest run as soon as a group holds a full batch, without a query per queued
 * record. Each queued record is counted <em>after its transaction committed</em>; when this node's
 * count since the last look, plus what the database held then, reaches a batch, one background
 * thread counts the group's committed unclaimed rows and, for a full batch, starts a run (trigger
 * {@value BulkIngestVariables#TRIGGER_SIZE}). Counting after the commit is what makes it exact
 * under concurrency: the record that completes a batch is counted only once every record before it
 * on this node is visible, so 5000 records queued concurrently start their run at once. A run that
 * finds less than a full batch claims nothing, so an extra start costs one short job.
 *
 * <p>The run is started outside the queuing transaction, so a missing bulk ingest deployment or a
 * database hiccup never fails the job that queued the record (it is logged, and the timer still
 * sends the records). With several nodes, each counts its own records between looks; a batch filled
 * by several nodes together starts when one of them next looks, or with the next timer run, which
 * claims it whole.
 */
public final class SizeTrigger {

  private final int batchSize;
  private final DataSource dataSource;
  private final BulkEntryStore store;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor worker;
  private volatile RuntimeService runtimeService;

  /** A trigger for batches of {@code batchSize}, counting through its own connections. */
  public SizeTrigger(int batchSize, DataSource dataSource, BulkEntryStore store) {
    this.batchSize = batchSize;
    this.dataSource = dataSource;
    this.store = store;
    this.worker =
        new ThreadPoolExecutor(
            0,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "sfactions-bulk-size-trigger");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts runs through this engine's runtime service from now on. */
  public void start(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Stops starting runs (the engine is closing). */
  public void stop() {
    runtimeService = null;
    worker.shutdown();
  }

  /** A record of the group was committed to the queue. */
  public void committed(String groupKey) {
    committed(groupKey, 1);
  }

  /** {@code records} records of the group were committed to the queue. */
  public void committed(String groupKey, int records) {
    if (records <= 0) {
      return;
    }
    Group group = groups.computeIfAbsent(groupKey, k -> new Group());
    boolean look;
    synchronized (group) {
      group.since += records;
      look = !group.looking && group.known + group.since >= batchSize;
      group.looking |= look;
    }
    if (look) {
      submit(groupKey, group);
    }
  }

  private void submit(String groupKey, Group group) {
    try {
      worker.execute(() -> look(groupKey, group));
    } catch (RuntimeException rejected) {
      // shut down: the engine is closing, the timer or the next node sends the records
      synchronized (group) {
        group.looking = false;
      }
    }
  }

  private void look(String groupKey, Group group) {
    long counted;
    synchronized (group) {
      counted = group.since;
    }
    int queued = -1;
    boolean started = false;
    try {
      queued = count(groupKey);
      RuntimeService runtime = runtimeService;
      if (queued >= batchSize && runtime != null) {
        runtime
            .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
            .setVariables(
                Variables.createVariables()
                    .putValue(BulkIngestVariables.GROUP_KEY, groupKey)
                    .putValue(BulkIngestVariables.TRIGGER, BulkIngestVariables.TRIGGER_SIZE))
            .correlateStartMessage();
        started = true;
        BulkLogger.fullBatch(groupKey);
      }
    } catch (RuntimeException e) {
      BulkLogger.sizeTriggerFailed(groupKey, e);
    }
    boolean again;
    synchronized (group) {
      group.since -= counted;
      // after a start the run takes one batch; what is left counts towards the next one. A full
      // batch that could not be started (no engine yet, or a failure) waits for the timer, and the
      // next look for a batch of new records.
      if (started) {
        group.known = queued - batchSize;
      } else {
        group.known = queued >= 0 && queued < batchSize ? queued : 0;
      }
      again = group.known + group.since >= batchSize;
      group.looking = again;
    }
    if (again) {
      submit(groupKey, group);
    }
  }

  private int count(String groupKey) {
    try (Connection c = dataSource.getConnection()) {
      return store.countUnclaimed(c, groupKey, batchSize);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count queued bulk records: " + e.getMessage(), e);
    }
  }

  /** This node's view of one group. */
  private static final class Group {
    /** Unclaimed rows the database held at the last look (less a batch if a run was started). */
    private long known;

    /** Records this node committed since the last look began. */
    private long since;

    /** A look is queued or running. */
    private boolean looking;
  }
}
