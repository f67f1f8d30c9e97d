package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueueEntry;
import io.github.sfactions.camunda.SalesforceConfigurationException;
import io.github.sfactions.client.BulkCsvWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The {@link BulkQueue} in the engine's database: the record's CSV cells go into {@code
 * SFA_BULK_ENTRY} on the job's own connection, so they are queued exactly when the job commits.
 *
 * <p>Every {@value #FLUSH_CHECK_EVERY}th row (by row id) it also counts its group's unclaimed rows;
 * once they fill a batch it starts a bulk ingest run for that group at once instead of waiting for
 * the flush timer.
 */
public final class JdbcBulkQueue implements BulkQueue {

  /** How often (in row ids) a queued record checks whether its group fills a batch. */
  static final int FLUSH_CHECK_EVERY = 100;

  /** Bytes kept free in a batch for the header row and the commas of cells other records add. */
  static final long HEADER_ALLOWANCE = 64 * 1024;

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
    BulkIngestSettings settings = runtime.settings();
    GroupKey group = GroupKey.of(entry.connection(), entry.record());
    Map<String, String> cells = cells(entry.record().row());
    long rowBytes =
        BulkCsvWriter.row(new ArrayList<>(cells.keySet()), cells)
            .getBytes(StandardCharsets.UTF_8)
            .length;
    if (rowBytes > settings.maxCsvBytes() - HEADER_ALLOWANCE) {
      throw new ActionException(
          "The bulk record needs "
              + rowBytes
              + " bytes of CSV, more than a batch may hold ("
              + settings.maxCsvBytes()
              + " bytes)",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    Date now = ClockUtil.getCurrentTime();
    if (inEngine) {
      return insert(
          runtime, EngineTransaction.connection(), entry, group, cells, rowBytes, now, true);
    }
    // Outside the engine nobody waits for the outcome; the row still travels and its outcome is
    // dropped.
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        return insert(runtime, c, entry, group, cells, rowBytes, now, false);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not queue the bulk record: " + e.getMessage(), e);
    }
  }

  private static String insert(
      BulkIngestRuntime runtime,
      Connection c,
      BulkQueueEntry entry,
      GroupKey group,
      Map<String, String> cells,
      long rowBytes,
      Date now,
      boolean inEngine) {
    long seq =
        runtime
            .store()
            .insert(
                c,
                group,
                entry.delivery().value(),
                RowCodec.write(cells),
                rowBytes,
                entry.processInstanceId(),
                entry.executionId(),
                entry.activityId(),
                entry.tenantId(),
                now);
    if (inEngine && seq % FLUSH_CHECK_EVERY == 0 && fillsBatch(runtime, c, group, seq)) {
      BulkLogger.fullBatch(group);
      Context.getProcessEngineConfiguration()
          .getRuntimeService()
          .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
          .setVariables(
              Variables.createVariables().putValue(BulkIngestVariables.GROUP_KEY, group.hash()))
          .correlateStartMessage();
    }
    return Long.toString(seq);
  }

  /**
   * True when the group holds a full batch queued after the last early start this node made for it
   * (so one full batch starts one run, not one per check).
   */
  private static boolean fillsBatch(
      BulkIngestRuntime runtime, Connection c, GroupKey group, long seq) {
    String key = group.hash();
    int batchSize = runtime.settings().batchSize();
    long after = runtime.earlyStarts().getOrDefault(key, 0L);
    if (runtime.store().countUnclaimed(c, key, after, batchSize) < batchSize) {
      return false;
    }
    runtime.earlyStarts().merge(key, seq, Math::max);
    return true;
  }

  private static Map<String, String> cells(Map<String, Object> row) {
    try {
      return CellText.of(row);
    } catch (IllegalArgumentException e) {
      throw new ActionException(
          e.getMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
  }
}
