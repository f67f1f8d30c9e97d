package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.BACKFILL_TABLE;
import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.ENTRY_TABLE;
import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.FAILED_TABLE;

import io.github.sfactions.bpmn.bulk.BackfillSummary;
import io.github.sfactions.bpmn.bulk.BackfillTarget;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.FailedBackfillRecord;
import io.github.sfactions.client.BulkOperation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SQL of back-fills: their rows in {@code SFA_BULK_BACKFILL}, their records in the queue (no
 * process instance waits for them), and how their outcomes are settled: counted onto the back-fill,
 * the rejected ones moved to {@code SFA_BULK_FAILED}, all of them out of the queue.
 */
public final class BackfillStore {

  /** Creates the back-fill's row. */
  public void create(Connection c, String id, BackfillTarget target, Date now) {
    String sql =
        "INSERT INTO "
            + BACKFILL_TABLE
            + " (ID_, NAME_, CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_, CREATED_)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, truncate(target.name(), 255));
      ps.setString(3, target.connection());
      ps.setString(4, target.sobject());
      ps.setString(5, target.operation().name());
      ps.setString(6, target.externalIdField());
      ps.setTimestamp(7, new Timestamp(now.getTime()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw BulkEntryStore.failure("create the back-fill", e);
    }
  }

  /** Queues records of a back-fill in one JDBC batch. */
  public void queue(Connection c, String backfillId, GroupKey group, List<Line> lines, Date now) {
    String sql =
        "INSERT INTO "
            + ENTRY_TABLE
            + " (GROUP_KEY_, CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_, DELIVERY_, ROW_,"
            + " ROW_BYTES_, COLUMNS_, MATCH_KEY_, CREATED_, BACKFILL_ID_, SOURCE_LINE_)"
            + " VALUES (?, ?, ?, ?, ?, 'bulk', ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Timestamp created = new Timestamp(now.getTime());
      String groupKey = group.hash(); // a SHA-256: once per chunk, not once per record
      for (Line line : lines) {
        ps.setString(1, groupKey);
        ps.setString(2, group.connection());
        ps.setString(3, group.sobject());
        ps.setString(4, group.operation().name());
        ps.setString(5, group.idField());
        ps.setString(6, line.row().line());
        ps.setLong(7, line.row().cellBytes());
        ps.setString(8, line.row().columns());
        ps.setString(9, line.row().matchKey());
        ps.setTimestamp(10, created);
        ps.setString(11, backfillId);
        ps.setLong(12, line.number());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw BulkEntryStore.failure("queue back-fill records", e);
    }
  }

  /** Adds to the back-fill's load counters; {@code loaded} marks the end of loading. */
  public void count(
      Connection c, String backfillId, long lines, long queued, long rejected, Date loaded) {
    String sql =
        "UPDATE "
            + BACKFILL_TABLE
            + " SET LINES_ = LINES_ + ?, QUEUED_ = QUEUED_ + ?, REJECTED_ = REJECTED_ + ?"
            + (loaded == null ? "" : ", LOADED_ = ?")
            + " WHERE ID_ = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, lines);
      ps.setLong(2, queued);
      ps.setLong(3, rejected);
      int i = 4;
      if (loaded != null) {
        ps.setTimestamp(i++, new Timestamp(loaded.getTime()));
      }
      ps.setString(i, backfillId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw BulkEntryStore.failure("count back-fill records", e);
    }
  }

  /**
   * Settles the outcomes of the claim's back-fill records: counts them onto their back-fills, keeps
   * the rejected ones in {@code SFA_BULK_FAILED} and removes them all from the queue. Returns how
   * many it settled.
   */
  public int settle(Connection c, String claimId, Date now) {
    String where =
        " FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND BACKFILL_ID_ IS NOT NULL"
            + " AND RESULT_ IS NOT NULL";
    Map<String, long[]> counts = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT BACKFILL_ID_, RESULT_, COUNT(*)" + where + " GROUP BY BACKFILL_ID_, RESULT_")) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
          String result = rs.getString(2);
          int slot =
              BulkIngestVariables.RESULT_FAILED.equals(result)
                  ? 2
                  : "updated".equals(result) ? 1 : 0;
          n[slot] += rs.getLong(3);
        }
      }
    } catch (SQLException e) {
      throw BulkEntryStore.failure("count back-fill outcomes", e);
    }
    if (counts.isEmpty()) {
      return 0;
    }
    int settled = 0;
    try {
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE "
                    + BACKFILL_TABLE
                    + " SET CREATED_N_ = CREATED_N_ + ?, UPDATED_N_ = UPDATED_N_ + ?,"
                    + " FAILED_N_ = FAILED_N_ + ? WHERE ID_ = ?")) {
          long[] n = e.getValue();
          ps.setLong(1, n[0]);
          ps.setLong(2, n[1]);
          ps.setLong(3, n[2]);
          ps.setString(4, e.getKey());
          ps.executeUpdate();
          settled += (int) (n[0] + n[1] + n[2]);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + FAILED_TABLE
                  + " (SEQ_, BACKFILL_ID_, SOURCE_LINE_, COLUMNS_, ROW_, ERROR_CODE_, ERROR_,"
                  + " JOB_ID_, FAILED_AT_) SELECT SEQ_, BACKFILL_ID_, SOURCE_LINE_, COLUMNS_,"
                  + " ROW_, ERROR_CODE_, ERROR_, JOB_ID_, ?"
                  + where
                  + " AND RESULT_ = ?")) {
        ps.setTimestamp(1, new Timestamp(now.getTime()));
        ps.setString(2, claimId);
        ps.setString(3, BulkIngestVariables.RESULT_FAILED);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE" + where)) {
        ps.setString(1, claimId);
        ps.executeUpdate();
      }
      return settled;
    } catch (SQLException e) {
      throw BulkEntryStore.failure("settle back-fill outcomes", e);
    }
  }

  /** The back-fill's row. */
  public Optional<BackfillSummary> summary(Connection c, String backfillId) {
    String sql =
        "SELECT ID_, NAME_, CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_, CREATED_, LOADED_,"
            + " LINES_, QUEUED_, REJECTED_, CREATED_N_, UPDATED_N_, FAILED_N_ FROM "
            + BACKFILL_TABLE
            + " WHERE ID_ = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, backfillId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp loaded = rs.getTimestamp(8);
        return Optional.of(
            new BackfillSummary(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                BulkOperation.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                loaded == null ? null : loaded.toInstant(),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14)));
      }
    } catch (SQLException e) {
      throw BulkEntryStore.failure("read the back-fill", e);
    }
  }

  /** Hands the back-fill's rejected records to {@code each}, in line order, a page at a time. */
  public void failed(Connection c, String backfillId, Consumer<FailedBackfillRecord> each) {
    String sql =
        "SELECT SEQ_, SOURCE_LINE_, COLUMNS_, ROW_, ERROR_CODE_, ERROR_, JOB_ID_ FROM "
            + FAILED_TABLE
            + " WHERE BACKFILL_ID_ = ? AND SEQ_ > ? ORDER BY SEQ_ LIMIT 500";
    long after = 0;
    while (true) {
      List<FailedBackfillRecord> page = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, backfillId);
        ps.setLong(2, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            page.add(
                new FailedBackfillRecord(
                    rs.getLong(2),
                    RowCells.texts(rs.getString(3), rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
          }
        }
      } catch (SQLException e) {
        throw BulkEntryStore.failure("read the back-fill's failed records", e);
      }
      page.forEach(each);
      if (page.isEmpty()) {
        return;
      }
    }
  }

  /**
   * One record of a back-fill on its way into the queue.
   *
   * @param number its line (or position), from 1
   * @param row its rendered row
   */
  public record Line(long number, RowCells row) {}

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
