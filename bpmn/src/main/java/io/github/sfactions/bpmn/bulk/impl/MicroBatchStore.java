package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.ENTRY_TABLE;

import io.github.sfactions.action.Delivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The SQL of micro-batch records in the shared queue table. Every method works on the connection it
 * is given, the engine transaction's own: a flush claims, sends and stores its outcomes in one
 * transaction, so a claim never outlives its flush.
 */
final class MicroBatchStore {

  private static final String MICRO = "'" + Delivery.MICRO_BATCH.value() + "'";

  /**
   * A queued record: its row, instance, connection, object, queue time, arrival number (or null)
   * and action request.
   */
  record Claimed(
      long seq,
      String processInstanceId,
      String connection,
      String sobject,
      Date created,
      Long arrival,
      String requestJson) {}

  /** What the queue holds for micro-batch delivery: records without outcome, and the oldest. */
  record Depth(long records, Date oldest) {}

  /** The group's oldest unclaimed rows, at most {@code limit}, oldest first. */
  List<Claimed> unclaimed(Connection c, String groupKey, int limit) {
    String sql =
        "SELECT SEQ_, PROC_INST_ID_, CONNECTION_, SOBJECT_, CREATED_, ARRIVAL_, ROW_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL ORDER BY SEQ_ LIMIT ?";
    List<Claimed> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long arrival = rs.getLong(6);
          Long arrived = rs.wasNull() ? null : arrival;
          rows.add(
              new Claimed(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  new Date(rs.getTimestamp(5).getTime()),
                  arrived,
                  rs.getString(7)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw BulkEntryStore.failure("read queued micro-batch records", e);
    }
  }

  /**
   * Whether the group should be sent now: it holds {@code maxRecords} unclaimed records, or its
   * oldest waited since {@code dueBefore}.
   */
  boolean ready(Connection c, String groupKey, int maxRecords, Date dueBefore) {
    String sql =
        "SELECT COUNT(*), MIN(CREATED_) FROM (SELECT CREATED_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL ORDER BY SEQ_ LIMIT ?) T";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setInt(2, maxRecords);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int count = rs.getInt(1);
        Timestamp oldest = rs.getTimestamp(2);
        return count >= maxRecords || (oldest != null && !oldest.after(dueBefore));
      }
    } catch (SQLException e) {
      throw BulkEntryStore.failure("read queued micro-batch records", e);
    }
  }

  /** Stores the outcomes on the claim's rows. */
  void saveOutcomes(Connection c, String claimId, List<MicroOutcome> outcomes) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET RESULT_ = ?, RECORD_ID_ = ?, MATCH_COUNT_ = ?, STATUS_ = ?, ERROR_CODE_ = ?,"
            + " ERROR_ = ?, RECORD_IDS_ = ? WHERE SEQ_ = ? AND CLAIM_ID_ = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (MicroOutcome o : outcomes) {
        ps.setString(1, o.result());
        ps.setString(2, o.recordId());
        if (o.matchCount() == null) {
          ps.setNull(3, Types.INTEGER);
        } else {
          ps.setInt(3, o.matchCount());
        }
        ps.setInt(4, o.status());
        ps.setString(5, BulkEntryStore.truncate(o.errorCode(), 255));
        ps.setString(6, BulkEntryStore.truncate(o.error(), 4000));
        ps.setString(7, BulkEntryStore.truncate(o.recordIds(), 4000));
        ps.setLong(8, o.seq());
        ps.setString(9, claimId);
        ps.addBatch();
      }
      if (!outcomes.isEmpty()) {
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw BulkEntryStore.failure("store micro-batch outcomes", e);
    }
  }

  /** Puts rows back into the queue, unclaimed, for the next flush. */
  void release(Connection c, List<Long> seqs) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET CLAIM_ID_ = NULL, CLAIMED_AT_ = NULL WHERE SEQ_ = ? AND RESULT_ IS NULL";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (long seq : seqs) {
        ps.setLong(1, seq);
        ps.addBatch();
      }
      if (!seqs.isEmpty()) {
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw BulkEntryStore.failure("release micro-batch records", e);
    }
  }

  /** The claim's stored outcomes, oldest first. */
  List<MicroOutcome> outcomes(Connection c, String claimId) {
    String sql =
        "SELECT SEQ_, PROC_INST_ID_, RESULT_, RECORD_ID_, MATCH_COUNT_, STATUS_, ERROR_CODE_,"
            + " ERROR_, RECORD_IDS_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NOT NULL ORDER BY SEQ_";
    List<MicroOutcome> list = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer matchCount = rs.getInt(5);
          if (rs.wasNull()) {
            matchCount = null;
          }
          list.add(
              new MicroOutcome(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  matchCount,
                  rs.getInt(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9)));
        }
      }
      return list;
    } catch (SQLException e) {
      throw BulkEntryStore.failure("read micro-batch outcomes", e);
    }
  }

  /** Micro-batch records waiting to be sent (no outcome yet), and when the oldest was queued. */
  Depth depth(Connection c) {
    String sql =
        "SELECT COUNT(*), MIN(CREATED_) FROM "
            + ENTRY_TABLE
            + " WHERE DELIVERY_ = "
            + MICRO
            + " AND RESULT_ IS NULL";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Timestamp oldest = rs.getTimestamp(2);
      return new Depth(rs.getLong(1), oldest == null ? null : new Date(oldest.getTime()));
    } catch (SQLException e) {
      throw BulkEntryStore.failure("count the micro-batch queue", e);
    }
  }
}
