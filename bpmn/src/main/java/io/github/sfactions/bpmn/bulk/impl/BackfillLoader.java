package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BackfillLoadException;
import io.github.sfactions.bpmn.bulk.BackfillResult;
import io.github.sfactions.bpmn.bulk.BackfillResult.RejectedLine;
import io.github.sfactions.bpmn.bulk.BackfillTarget;
import io.github.sfactions.client.BulkCsvSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Loads a back-fill into the queue without a process instance per record: each record is checked
 * and rendered once ({@link RowCells}), then inserted {@value #CHUNK} at a time, one transaction
 * per chunk, and counted by the {@link SizeTrigger}, so full batches start their runs while loading
 * goes on. A record that cannot be sent (not a flat object, an invalid field, no upsert key, too
 * large for a batch) is skipped, counted and listed, and loading goes on.
 */
public final class BackfillLoader {

  /** Records inserted per transaction. */
  static final int CHUNK = 1000;

  private final BulkIngestRuntime runtime;
  private final DataSource dataSource;
  private final BackfillStore store = new BackfillStore();
  private final int maxListed;

  /** A loader into this runtime's queue, through this data source. */
  public BackfillLoader(BulkIngestRuntime runtime, DataSource dataSource, int maxListed) {
    this.runtime = runtime;
    this.dataSource = dataSource;
    this.maxListed = maxListed;
  }

  /** A source of records, one at a time. */
  public interface Records {
    /** Moves to the next record; false at the end. */
    boolean next();

    /** The current record's line (or position), from 1. */
    long number();

    /**
     * The current record: field API name to value (text, number, boolean or null).
     *
     * @throws IllegalArgumentException when it is not a record (the message says why)
     */
    Map<String, Object> record();
  }

  /** Loads every record of {@code records} for {@code target}. */
  public BackfillResult load(BackfillTarget target, Records records) {
    GroupKey group =
        new GroupKey(
            target.connection(), target.sobject(), target.operation(), target.externalIdField());
    String id = UUID.randomUUID().toString();
    Date now = ClockUtil.getCurrentTime();
    runtime.store().ensureGroup(group.hash(), now);
    List<RejectedLine> listed = new ArrayList<>();
    long lines = 0;
    long queued = 0;
    long rejected = 0;
    boolean created = false;
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        store.create(c, id, target, now);
        c.commit();
        created = true;
        List<BackfillStore.Line> chunk = new ArrayList<>(CHUNK);
        long chunkLines = 0;
        long chunkRejected = 0;
        boolean more = true;
        while (more) {
          more = records.next();
          if (more) {
            chunkLines++;
            try {
              chunk.add(new BackfillStore.Line(records.number(), row(target, records.record())));
            } catch (IllegalArgumentException e) {
              chunkRejected++;
              if (listed.size() < maxListed) {
                listed.add(
                    new RejectedLine(
                        records.number(), "line " + records.number() + ": " + e.getMessage()));
              }
            }
          }
          if (chunk.size() == CHUNK || (!more && chunkLines > 0)) {
            if (!chunk.isEmpty()) {
              store.queue(c, id, group, chunk, ClockUtil.getCurrentTime());
            }
            store.count(c, id, chunkLines, chunk.size(), chunkRejected, null);
            c.commit();
            runtime.sizeTrigger().committed(group.hash(), chunk.size());
            lines += chunkLines;
            queued += chunk.size();
            rejected += chunkRejected;
            chunk.clear();
            chunkLines = 0;
            chunkRejected = 0;
          }
        }
        store.count(c, id, 0, 0, 0, ClockUtil.getCurrentTime());
        c.commit();
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      IllegalStateException failure =
          new IllegalStateException(
              "Could not load the back-fill (" + queued + " records queued): " + e.getMessage(), e);
      throw created ? new BackfillLoadException(id, queued, failure) : failure;
    } catch (RuntimeException e) {
      // the back-fill exists with the chunks committed so far: say which one it is
      throw created ? new BackfillLoadException(id, queued, e) : e;
    }
    return new BackfillResult(id, lines, queued, rejected, listed);
  }

  /** The record's row, checked for this target. */
  private RowCells row(BackfillTarget target, Map<String, Object> record) {
    RowCells row = RowCells.of(record);
    String key = target.keyField();
    if (key != null && !hasValue(record, key)) {
      throw new IllegalArgumentException(
          "the " + target.operation().apiValue() + " key " + key + " is missing or empty");
    }
    BulkCsvSize alone = new BulkCsvSize();
    alone.add(row.columnList(), row.cellBytes());
    long max = runtime.settings().maxCsvBytes();
    if (alone.size() > max) {
      throw new IllegalArgumentException(
          "the record needs "
              + alone.size()
              + " bytes of CSV, more than a batch holds ("
              + max
              + ")");
    }
    return row;
  }

  private static boolean hasValue(Map<String, Object> record, String field) {
    String wanted = field.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Object> e : record.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
        return e.getValue() != null && !e.getValue().toString().isEmpty();
      }
    }
    return false;
  }
}
