package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueueEntry;
import io.github.sfactions.camunda.EngineTransaction;
import io.github.sfactions.camunda.SalesforceConfigurationException;
import io.github.sfactions.client.BulkCsvSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The {@link BulkQueue} in the engine's database: the record is rendered once ({@link RowCells}:
 * columns, written cells, size, match key) and goes into {@code SFA_BULK_ENTRY} on the job's own
 * connection, so it is queued exactly when the job commits. Once committed it is counted by the
 * {@link SizeTrigger}, which starts a run when its group fills a batch.
 */
public final class JdbcBulkQueue implements BulkQueue {

  private final BulkIngestRuntime own;
  private final DataSource dataSource;

  /**
   * A queue for the engine of this runtime. Inside an engine command the runtime of the engine
   * running it is used (several engines in one JVM share the JVM-wide registration); {@code
   * dataSource} serves calls made outside any engine.
   */
  public JdbcBulkQueue(BulkIngestRuntime own, DataSource dataSource) {
    this.own = own;
    this.dataSource = dataSource;
  }

  @Override
  public String enqueue(BulkQueueEntry entry) {
    if (entry.delivery() != Delivery.BULK) {
      throw new SalesforceConfigurationException(
          "delivery="
              + entry.delivery().value()
              + " has no collector in"
              + " sfactions-bpmn; use delivery=bulk (useBulkApi=true) or delivery=rest");
    }
    boolean inEngine = EngineTransaction.active();
    BulkIngestRuntime runtime = inEngine ? BulkIngestRuntime.ofCurrentEngine().orElse(own) : own;
    GroupKey group = GroupKey.of(entry.connection(), entry.record());
    RowCells row = render(entry, runtime.settings());
    Date now = ClockUtil.getCurrentTime();
    runtime.store().ensureGroup(group.hash(), now);
    if (inEngine) {
      long seq = insert(runtime, EngineTransaction.connection(), entry, group, row, now);
      EngineTransaction.afterCommit(() -> runtime.sizeTrigger().committed(group.hash()));
      return Long.toString(seq);
    }
    // Outside the engine nobody waits for the outcome; the row still travels and its outcome is
    // dropped.
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        long seq = insert(runtime, c, entry, group, row, now);
        runtime.sizeTrigger().committed(group.hash());
        return Long.toString(seq);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not queue the bulk record: " + e.getMessage(), e);
    }
  }

  private static long insert(
      BulkIngestRuntime runtime,
      Connection c,
      BulkQueueEntry entry,
      GroupKey group,
      RowCells row,
      Date now) {
    return runtime
        .store()
        .insert(
            c,
            group,
            entry.delivery().value(),
            row,
            entry.processInstanceId(),
            entry.executionId(),
            entry.activityId(),
            entry.tenantId(),
            now);
  }

  /** The record's row, rendered once; it must fit into a batch on its own. */
  private static RowCells render(BulkQueueEntry entry, BulkIngestSettings settings) {
    RowCells row;
    try {
      row = RowCells.of(entry.record().row());
    } catch (IllegalArgumentException e) {
      throw new ActionException(
          e.getMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    BulkCsvSize alone = new BulkCsvSize();
    alone.add(row.columnList(), row.cellBytes());
    if (alone.size() > settings.maxCsvBytes()) {
      throw new ActionException(
          "The bulk record needs "
              + alone.size()
              + " bytes of CSV, more than a batch may hold ("
              + settings.maxCsvBytes()
              + " bytes)",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return row;
  }
}
