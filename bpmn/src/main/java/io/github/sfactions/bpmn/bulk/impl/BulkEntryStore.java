package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.ENTRY_TABLE;
import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.GROUP_TABLE;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.client.BulkOperation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The SQL of the queue. Every method but {@link #ensureGroup} works on the connection it is given,
 * which is the engine transaction's own, so queue changes commit or roll back together with the job
 * that made them.
 *
 * <p>Claiming takes turns per group: a claimer first locks the group's row ({@code SELECT ... FOR
 * UPDATE}), then reads the unclaimed rows (read committed: it sees every earlier claim once the
 * lock is granted) and marks them with its claim id only where {@code CLAIM_ID_ IS NULL}. The
 * affected-row count must equal the rows it read; anything else means another claimer got in and
 * the whole job is rolled back and retried.
 */
public final class BulkEntryStore {

  private static final int IN_CHUNK = 500;
  private static final String SQL_STATE_DUPLICATE_KEY = "23505";

  private final DataSource dataSource;
  private final SqlDialect dialect;
  private final Set<String> knownGroups = ConcurrentHashMap.newKeySet();

  /**
   * A store whose group rows are created through this data source, speaking this database's SQL.
   */
  public BulkEntryStore(DataSource dataSource, SqlDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Inserts a queued record; returns its row id. */
  public long insert(
      Connection c,
      GroupKey group,
      String delivery,
      String rowJson,
      long rowBytes,
      String processInstanceId,
      String executionId,
      String activityId,
      String tenantId,
      Date now) {
    String insert =
        "INSERT INTO "
            + ENTRY_TABLE
            + " (GROUP_KEY_, CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_,"
            + " DELIVERY_, ROW_, ROW_BYTES_, PROC_INST_ID_, EXECUTION_ID_, ACTIVITY_ID_, TENANT_ID_, CREATED_)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // the key comes back from the statement itself: JDBC's generated-key column names are quoted by
    // some drivers
    // (pgjdbc), so they would have to match each database's case folding
    try (PreparedStatement ps = c.prepareStatement(dialect.insertReturning(insert, "SEQ_"))) {
      ps.setString(1, group.hash());
      ps.setString(2, group.connection());
      ps.setString(3, group.sobject());
      ps.setString(4, group.operation().name());
      ps.setString(5, group.idField());
      ps.setString(6, delivery);
      ps.setString(7, rowJson);
      ps.setLong(8, rowBytes);
      ps.setString(9, processInstanceId);
      ps.setString(10, executionId);
      ps.setString(11, activityId);
      ps.setString(12, tenantId);
      ps.setTimestamp(13, new Timestamp(now.getTime()));
      try (ResultSet keys = ps.executeQuery()) {
        if (!keys.next()) {
          throw new IllegalStateException("The database returned no id for the queued bulk record");
        }
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("queue a bulk record", e);
    }
  }

  /**
   * Unclaimed rows of a group with a row id above {@code afterSeq}, counted up to {@code limit}.
   */
  public int countUnclaimed(Connection c, String groupKey, long afterSeq, int limit) {
    String sql =
        "SELECT COUNT(*) FROM (SELECT SEQ_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL AND SEQ_ > ? LIMIT ?) T";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setLong(2, afterSeq);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("count queued bulk records", e);
    }
  }

  /** The group of the oldest unclaimed row, if any. */
  public Optional<String> oldestUnclaimedGroup(Connection c) {
    String sql =
        "SELECT GROUP_KEY_ FROM " + ENTRY_TABLE + " WHERE CLAIM_ID_ IS NULL ORDER BY SEQ_ LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw failure("find queued bulk records", e);
    }
  }

  /**
   * Releases claims older than {@code claimedBefore} whose records have no outcome yet (abandoned
   * batches).
   */
  public int releaseExpired(Connection c, Date claimedBefore) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET CLAIM_ID_ = NULL, CLAIMED_AT_ = NULL, JOB_ID_ = NULL"
            + " WHERE CLAIMED_AT_ < ? AND RESULT_ IS NULL";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, new Timestamp(claimedBefore.getTime()));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("release abandoned bulk claims", e);
    }
  }

  /**
   * Makes sure the group's lock row exists, in its own short transaction (an empty lock row is
   * harmless, and a concurrent creator's duplicate key is fine).
   */
  public void ensureGroup(String groupKey, Date now) {
    if (knownGroups.contains(groupKey)) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (PreparedStatement exists =
          c.prepareStatement("SELECT 1 FROM " + GROUP_TABLE + " WHERE GROUP_KEY_ = ?")) {
        exists.setString(1, groupKey);
        boolean present;
        try (ResultSet rs = exists.executeQuery()) {
          present = rs.next();
        }
        if (!present) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO " + GROUP_TABLE + " (GROUP_KEY_, CREATED_) VALUES (?, ?)")) {
            ps.setString(1, groupKey);
            ps.setTimestamp(2, new Timestamp(now.getTime()));
            ps.executeUpdate();
          } catch (SQLException e) {
            if (!SQL_STATE_DUPLICATE_KEY.equals(e.getSQLState())) {
              throw e;
            }
          }
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
      knownGroups.add(groupKey);
    } catch (SQLException e) {
      throw failure("create the bulk group lock row", e);
    }
  }

  /** Locks the group's row until the transaction ends, so claims of one group take turns. */
  public void lockGroup(Connection c, String groupKey) {
    String sql = "SELECT GROUP_KEY_ FROM " + GROUP_TABLE + " WHERE GROUP_KEY_ = ? FOR UPDATE";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("Bulk group lock row " + groupKey + " is missing");
        }
      }
    } catch (SQLException e) {
      throw failure("lock the bulk group", e);
    }
  }

  /** Row ids and CSV sizes of a group's unclaimed rows, oldest first. */
  public List<long[]> unclaimed(Connection c, String groupKey, int limit) {
    String sql =
        "SELECT SEQ_, ROW_BYTES_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL ORDER BY SEQ_ LIMIT ?";
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure("read queued bulk records", e);
    }
  }

  /**
   * Marks a group's unclaimed rows from {@code firstSeq} to {@code lastSeq} with the claim id;
   * returns how many it marked. One range update over the group index: an {@code IN} list of
   * thousands of ids makes some databases (H2 among them) walk every unclaimed row once per list.
   */
  public int claim(
      Connection c, String groupKey, long firstSeq, long lastSeq, String claimId, Date now) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET CLAIM_ID_ = ?, CLAIMED_AT_ = ? WHERE GROUP_KEY_ = ?"
            + " AND CLAIM_ID_ IS NULL AND SEQ_ >= ? AND SEQ_ <= ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      ps.setTimestamp(2, new Timestamp(now.getTime()));
      ps.setString(3, groupKey);
      ps.setLong(4, firstSeq);
      ps.setLong(5, lastSeq);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("claim bulk records", e);
    }
  }

  /** Gives rows of a claim back to the queue (they did not fit into the batch). */
  public int release(Connection c, List<Long> seqs, String claimId) {
    int released = 0;
    for (List<Long> chunk : chunks(seqs)) {
      String sql =
          "UPDATE "
              + ENTRY_TABLE
              + " SET CLAIM_ID_ = NULL, CLAIMED_AT_ = NULL WHERE CLAIM_ID_ = ? AND SEQ_ IN ("
              + placeholders(chunk.size())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, claimId);
        bind(ps, 2, chunk);
        released += ps.executeUpdate();
      } catch (SQLException e) {
        throw failure("release bulk records", e);
      }
    }
    return released;
  }

  /** The group of a claim (from one of its rows). */
  public Optional<GroupKey> groupOfClaim(Connection c, String claimId) {
    String sql =
        "SELECT CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? ORDER BY SEQ_ LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new GroupKey(
                rs.getString(1),
                rs.getString(2),
                BulkOperation.valueOf(rs.getString(3)),
                rs.getString(4)));
      }
    } catch (SQLException e) {
      throw failure("read the bulk claim", e);
    }
  }

  /** The claim's rows that have no outcome yet, in queue order. */
  public List<QueuedRecord> claimedWithoutOutcome(Connection c, String claimId) {
    String sql =
        "SELECT SEQ_, ROW_, PROC_INST_ID_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL ORDER BY SEQ_";
    List<QueuedRecord> records = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          records.add(
              new QueuedRecord(rs.getLong(1), RowCodec.read(rs.getString(2)), rs.getString(3)));
        }
      }
      return records;
    } catch (SQLException e) {
      throw failure("read claimed bulk records", e);
    }
  }

  /** Stores outcomes on the claim's rows. */
  public void saveOutcomes(
      Connection c, String claimId, String jobId, List<RecordOutcome> outcomes) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET RESULT_ = ?, RECORD_ID_ = ?, ERROR_CODE_ = ?, ERROR_ = ?, JOB_ID_ = ?"
            + " WHERE SEQ_ = ? AND CLAIM_ID_ = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (RecordOutcome o : outcomes) {
        ps.setString(1, o.result());
        ps.setString(2, o.recordId());
        ps.setString(3, truncate(o.errorCode(), 255));
        ps.setString(4, truncate(o.error(), 4000));
        ps.setString(5, jobId);
        ps.setLong(6, o.seq());
        ps.setString(7, claimId);
        ps.addBatch();
        if (++pending == 1000) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw failure("store bulk outcomes", e);
    }
  }

  /**
   * Fails every row of the claim that has no outcome yet with the batch's reason; returns how many.
   */
  public int failUnresolved(
      Connection c, String claimId, String jobId, String errorCode, String reason) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET RESULT_ = ?, ERROR_CODE_ = ?, ERROR_ = ?, JOB_ID_ = ?"
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, BulkIngestVariables.RESULT_FAILED);
      ps.setString(2, truncate(errorCode, 255));
      ps.setString(3, truncate(reason, 4000));
      ps.setString(4, jobId);
      ps.setString(5, claimId);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("fail bulk records", e);
    }
  }

  /** Up to {@code limit} stored outcomes of the claim, either never tried or already tried once. */
  public List<PendingOutcome> outcomes(
      Connection c, String claimId, boolean alreadyTried, int limit) {
    String sql =
        "SELECT SEQ_, PROC_INST_ID_, RESULT_, RECORD_ID_, ERROR_CODE_, ERROR_, JOB_ID_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NOT NULL AND DELIVERY_ATTEMPTS_ "
            + (alreadyTried ? "> 0" : "= 0")
            + " ORDER BY SEQ_ LIMIT ?";
    List<PendingOutcome> list = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          String result = rs.getString(3);
          RecordOutcome outcome =
              new RecordOutcome(
                  seq,
                  !BulkIngestVariables.RESULT_FAILED.equals(result),
                  result,
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6));
          list.add(new PendingOutcome(seq, rs.getString(2), outcome, rs.getString(7)));
        }
      }
      return list;
    } catch (SQLException e) {
      throw failure("read bulk outcomes", e);
    }
  }

  /** Counts the claim's stored outcomes, never tried or already tried. */
  public int countOutcomes(Connection c, String claimId, boolean alreadyTried) {
    String sql =
        "SELECT COUNT(*) FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NOT NULL"
            + " AND DELIVERY_ATTEMPTS_ "
            + (alreadyTried ? "> 0" : "= 0");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("count bulk outcomes", e);
    }
  }

  /** Removes delivered rows. */
  public void delete(Connection c, List<Long> seqs) {
    for (List<Long> chunk : chunks(seqs)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM "
                  + ENTRY_TABLE
                  + " WHERE SEQ_ IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        bind(ps, 1, chunk);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw failure("remove delivered bulk records", e);
      }
    }
  }

  /** Notes a failed delivery attempt on these rows. */
  public void markTried(Connection c, List<Long> seqs) {
    for (List<Long> chunk : chunks(seqs)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE "
                  + ENTRY_TABLE
                  + " SET DELIVERY_ATTEMPTS_ = DELIVERY_ATTEMPTS_ + 1 WHERE SEQ_ IN ("
                  + placeholders(chunk.size())
                  + ")")) {
        bind(ps, 1, chunk);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw failure("note bulk delivery attempts", e);
      }
    }
  }

  /** Rows in the queue, claimed or not (monitoring and tests). */
  public long size(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + ENTRY_TABLE)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failure("count the bulk queue", e);
    }
  }

  private static List<List<Long>> chunks(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return Collections.emptyList();
    }
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < seqs.size(); i += IN_CHUNK) {
      chunks.add(seqs.subList(i, Math.min(seqs.size(), i + IN_CHUNK)));
    }
    return chunks;
  }

  private static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, int first, List<Long> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setLong(first + i, values.get(i));
    }
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return null;
    }
    // PostgreSQL refuses NUL characters in text columns; Salesforce's messages are not ours to
    // trust
    String text = s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "Could not " + what + " (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
  }
}
