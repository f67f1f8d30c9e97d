package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.action.ObjectNames;
import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueueEntry;
import io.github.sfactions.camunda.EngineTransaction;
import io.github.sfactions.client.BulkCsvSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The {@link BulkQueue} in the engine's database: a bulk record is rendered once ({@link RowCells}:
 * columns, written cells, size, match key), a micro-batch record stored as its action request, and
 * either goes into {@code SFA_BULK_ENTRY} on the job's own connection, so it is queued exactly when
 * the job commits. Once committed it is counted by the {@link SizeTrigger}, which starts a run when
 * its group fills a batch, or by the {@link MicroBatchTrigger}, which starts a flush.
 */
public final class JdbcBulkQueue implements BulkQueue {

  /**
   * Most characters of a micro-batch record's JSON: what the queue's text column holds on every
   * database (H2's is a million characters).
   */
  static final int MAX_REQUEST_CHARS = 1_000_000;

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
    boolean inEngine = EngineTransaction.active();
    BulkIngestRuntime runtime = inEngine ? BulkIngestRuntime.ofCurrentEngine().orElse(own) : own;
    Date now = ClockUtil.getCurrentTime();
    BulkEntryStore.Placement placement;
    RowCells row;
    Runnable committed;
    if (entry.delivery() == Delivery.MICRO_BATCH) {
      String sobject = ObjectNames.of(entry.request());
      String groupKey = new MicroGroupKey(entry.connection(), sobject).hash();
      placement =
          new BulkEntryStore.Placement(
              groupKey,
              entry.connection(),
              sobject,
              Delivery.MICRO_BATCH.value(),
              null,
              Delivery.MICRO_BATCH.value(),
              arrival());
      row = renderRequest(entry);
      runtime.store().ensureGroup(groupKey, Delivery.MICRO_BATCH, now);
      committed = () -> runtime.microBatch().trigger().committed(groupKey, 1);
    } else {
      GroupKey group = GroupKey.of(entry.connection(), entry.record());
      placement =
          new BulkEntryStore.Placement(
              group.hash(),
              group.connection(),
              group.sobject(),
              group.operation().name(),
              group.idField(),
              Delivery.BULK.value(),
              null);
      row = render(entry, runtime.settings());
      runtime.store().ensureGroup(group.hash(), now);
      committed = () -> runtime.sizeTrigger().committed(group.hash());
    }
    if (inEngine) {
      long seq = insert(runtime, EngineTransaction.connection(), entry, placement, row, now);
      EngineTransaction.afterCommit(committed);
      return Long.toString(seq);
    }
    // Outside the engine nobody waits for the outcome; the row still travels and its outcome is
    // dropped.
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        long seq = insert(runtime, c, entry, placement, row, now);
        committed.run();
        return Long.toString(seq);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not queue the record: " + e.getMessage(), e);
    }
  }

  private static long insert(
      BulkIngestRuntime runtime,
      Connection c,
      BulkQueueEntry entry,
      BulkEntryStore.Placement placement,
      RowCells row,
      Date now) {
    return runtime
        .store()
        .insert(
            c,
            placement,
            row,
            entry.processInstanceId(),
            entry.executionId(),
            entry.activityId(),
            entry.tenantId(),
            now);
  }

  /**
   * The arrival number the intake gave the queuing instance ({@link ArrivalOrder}), if any: a flush
   * sends its records in arrival order, as REST's record turns would write them.
   */
  private static Long arrival() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    ExecutionEntity execution = context == null ? null : context.getExecution();
    Object value = execution == null ? null : execution.getVariable(ArrivalOrder.VARIABLE);
    return value instanceof Number n ? n.longValue() : null;
  }

  /**
   * A micro-batch record's row: its action request as JSON (no CSV columns, no match key: its
   * outcome comes back by position, not by its cells).
   */
  private static RowCells renderRequest(BulkQueueEntry entry) {
    String json = ActionRequestJson.write(entry.request());
    if (json.length() > MAX_REQUEST_CHARS) {
      throw new ActionException(
          "The micro-batch record needs "
              + json.length()
              + " characters of JSON, more than a queue row holds ("
              + MAX_REQUEST_CHARS
              + ")",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return new RowCells("", json, json.length(), "");
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
