package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.ENTRY_TABLE;
import static io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema.GROUP_TABLE;

import io.github.sfactions.action.Delivery;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.client.BulkCsvSize;
import io.github.sfactions.client.BulkOperation;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Claims of one group take turns without waiting: a claimer takes the group's row with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED}; when another claimer holds it, it leaves the group alone
 * instead of waiting (that claimer starts the next run if a batch remains). Holding the row, it
 * reads the oldest unclaimed rows and marks exactly those (by row id, where {@code CLAIM_ID_ IS
 * NULL}), so a row that committed late into the same id range is never swept into a batch it was
 * not measured for.
 */
public final class BulkEntryStore {

  private static final int IN_CHUNK = 500;

  /** Most cell bytes read into memory at once when a claim's rows are written out. */
  static final long PAGE_BYTES = 8L * 1024 * 1024;

  private static final int PAGE_ROWS = 2000;
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
      RowCells row,
      String processInstanceId,
      String executionId,
      String activityId,
      String tenantId,
      Date now) {
    return insert(
        c,
        new Placement(
            group.hash(),
            group.connection(),
            group.sobject(),
            group.operation().name(),
            group.idField(),
            delivery,
            null),
        row,
        processInstanceId,
        executionId,
        activityId,
        tenantId,
        now);
  }

  /**
   * Where a queued row goes: its group key and the group's columns.
   *
   * @param groupKey the group's hash
   * @param connection connection name
   * @param sobject object API name
   * @param operation the operation (bulk: the Bulk API operation's name)
   * @param idField the upsert external id field, else null
   * @param delivery {@code bulk} or {@code microBatch}
   * @param arrival the event's arrival number ({@code sfactionsArrival}) for micro-batch records,
   *     else null
   */
  public record Placement(
      String groupKey,
      String connection,
      String sobject,
      String operation,
      String idField,
      String delivery,
      Long arrival) {}

  /** Inserts a queued row; returns its row id. */
  public long insert(
      Connection c,
      Placement placement,
      RowCells row,
      String processInstanceId,
      String executionId,
      String activityId,
      String tenantId,
      Date now) {
    String insert =
        "INSERT INTO "
            + ENTRY_TABLE
            + " (GROUP_KEY_, CONNECTION_, SOBJECT_, OPERATION_, ID_FIELD_,"
            + " DELIVERY_, ROW_, ROW_BYTES_, COLUMNS_, MATCH_KEY_, PROC_INST_ID_, EXECUTION_ID_,"
            + " ACTIVITY_ID_, TENANT_ID_, CREATED_, ARRIVAL_)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // the key comes back from the statement itself: JDBC's generated-key column names are quoted by
    // some drivers
    // (pgjdbc), so they would have to match each database's case folding
    try (PreparedStatement ps = c.prepareStatement(dialect.insertReturning(insert, "SEQ_"))) {
      ps.setString(1, placement.groupKey());
      ps.setString(2, placement.connection());
      ps.setString(3, placement.sobject());
      ps.setString(4, placement.operation());
      ps.setString(5, placement.idField());
      ps.setString(6, placement.delivery());
      ps.setString(7, row.line());
      ps.setLong(8, row.cellBytes());
      ps.setString(9, row.columns());
      ps.setString(10, row.matchKey());
      ps.setString(11, processInstanceId);
      ps.setString(12, executionId);
      ps.setString(13, activityId);
      ps.setString(14, tenantId);
      ps.setTimestamp(15, new Timestamp(now.getTime()));
      if (placement.arrival() == null) {
        ps.setNull(16, java.sql.Types.BIGINT);
      } else {
        ps.setLong(16, placement.arrival());
      }
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

  /** Unclaimed rows of a group, counted up to {@code limit}. */
  public int countUnclaimed(Connection c, String groupKey, int limit) {
    String sql =
        "SELECT COUNT(*) FROM (SELECT SEQ_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL LIMIT ?) T";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("count queued bulk records", e);
    }
  }

  /**
   * When the group's oldest and newest unclaimed rows were queued (by row id), if it has any.
   *
   * @return {@code [oldest, newest]}
   */
  public Optional<Date[]> unclaimedSpan(Connection c, String groupKey) {
    Optional<Date> oldest = unclaimedEnd(c, groupKey, "ASC");
    if (oldest.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Date[] {oldest.get(), unclaimedEnd(c, groupKey, "DESC").orElseThrow()});
  }

  private Optional<Date> unclaimedEnd(Connection c, String groupKey, String order) {
    String sql =
        "SELECT CREATED_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL ORDER BY SEQ_ "
            + order
            + " LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Date(rs.getTimestamp(1).getTime())) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read queued bulk records", e);
    }
  }

  /** Every Bulk API group that ever queued a record, oldest first. */
  public List<String> groups(Connection c) {
    return groups(c, Delivery.BULK);
  }

  /** Every group of this delivery that ever queued a record, oldest first. */
  public List<String> groups(Connection c, Delivery delivery) {
    String sql =
        "SELECT GROUP_KEY_ FROM "
            + GROUP_TABLE
            + " WHERE DELIVERY_ = ? ORDER BY CREATED_, GROUP_KEY_";
    List<String> groups = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, delivery.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          groups.add(rs.getString(1));
        }
      }
      return groups;
    } catch (SQLException e) {
      throw failure("read the bulk groups", e);
    }
  }

  /** The Bulk API group of the oldest unclaimed row, if any. */
  public Optional<String> oldestUnclaimedGroup(Connection c) {
    String sql =
        "SELECT GROUP_KEY_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ IS NULL AND DELIVERY_ = '"
            + Delivery.BULK.value()
            + "' ORDER BY SEQ_ LIMIT 1";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw failure("find queued bulk records", e);
    }
  }

  /**
   * Releases Bulk API claims older than {@code claimedBefore} whose records have no outcome yet
   * (abandoned batches). Micro-batch claims never outlive their transaction without an outcome.
   */
  public int releaseExpired(Connection c, Date claimedBefore) {
    String sql =
        "UPDATE "
            + ENTRY_TABLE
            + " SET CLAIM_ID_ = NULL, CLAIMED_AT_ = NULL, JOB_ID_ = NULL"
            + " WHERE CLAIMED_AT_ < ? AND RESULT_ IS NULL AND DELIVERY_ = '"
            + Delivery.BULK.value()
            + "'";
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
    ensureGroup(groupKey, Delivery.BULK, now);
  }

  /**
   * Makes sure the group's lock row exists for this delivery, in its own short transaction (an
   * empty lock row is harmless, and a concurrent creator's duplicate key is fine).
   */
  public void ensureGroup(String groupKey, Delivery delivery, Date now) {
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
                  "INSERT INTO "
                      + GROUP_TABLE
                      + " (GROUP_KEY_, CREATED_, DELIVERY_) VALUES (?, ?, ?)")) {
            ps.setString(1, groupKey);
            ps.setTimestamp(2, new Timestamp(now.getTime()));
            ps.setString(3, delivery.value());
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

  /**
   * Takes the group's row until the transaction ends, unless another transaction holds it: then
   * returns false at once (no waiting, so concurrent claims never time out on each other).
   */
  public boolean tryLockGroup(Connection c, String groupKey) {
    String sql =
        "SELECT GROUP_KEY_ FROM " + GROUP_TABLE + " WHERE GROUP_KEY_ = ? FOR UPDATE SKIP LOCKED";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure("lock the bulk group", e);
    }
  }

  /** What a claim needs to know of a queued row. */
  public interface CandidateVisitor {
    /** Visits one row; returns false to stop reading. */
    boolean visit(long seq, long cellBytes, String columns, Date created);
  }

  /**
   * Visits a group's unclaimed rows, oldest first, up to {@code limit}, until the visitor stops.
   * Only the rows' sizes and columns are read, never their cells.
   */
  public void unclaimed(Connection c, String groupKey, int limit, CandidateVisitor visitor) {
    String sql =
        "SELECT SEQ_, ROW_BYTES_, COLUMNS_, CREATED_ FROM "
            + ENTRY_TABLE
            + " WHERE GROUP_KEY_ = ? AND CLAIM_ID_ IS NULL ORDER BY SEQ_ LIMIT ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, groupKey);
      ps.setInt(2, limit);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()
            && visitor.visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4))) {
          // the visitor decides
        }
      }
    } catch (SQLException e) {
      throw failure("read queued bulk records", e);
    }
  }

  /**
   * Marks these rows with the claim id where they are still unclaimed; returns how many it marked.
   * By row id (the primary key), in chunks of ascending ids.
   *
   * <p>Each chunk's list is also bounded by its lowest and highest id. The list alone decides which
   * rows are marked; the range only lets the database walk that stretch of an index instead of
   * testing every unclaimed row of the queue against the list (H2 did the latter: with a 20,000-row
   * backlog a 5000-row claim spent seconds in {@code ConditionIn}).
   */
  public int claim(Connection c, long[] seqs, String claimId, Date now) {
    long[] sorted = seqs.clone();
    Arrays.sort(sorted);
    int claimed = 0;
    for (int from = 0; from < sorted.length; from += IN_CHUNK) {
      int to = Math.min(sorted.length, from + IN_CHUNK);
      String sql =
          "UPDATE "
              + ENTRY_TABLE
              + " SET CLAIM_ID_ = ?, CLAIMED_AT_ = ? WHERE CLAIM_ID_ IS NULL"
              + " AND SEQ_ >= ? AND SEQ_ <= ? AND SEQ_ IN ("
              + placeholders(to - from)
              + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, claimId);
        ps.setTimestamp(2, new Timestamp(now.getTime()));
        ps.setLong(3, sorted[from]);
        ps.setLong(4, sorted[to - 1]);
        for (int i = from; i < to; i++) {
          ps.setLong(5 + i - from, sorted[i]);
        }
        claimed += ps.executeUpdate();
      } catch (SQLException e) {
        throw failure("claim bulk records", e);
      }
    }
    return claimed;
  }

  /**
   * The claim's CSV layout: its header and exact size, from the rows' stored columns and sizes
   * (rows with an outcome left out). Every step that needs the header asks here, so it is the same
   * each time.
   */
  public BulkCsvSize layout(Connection c, String claimId) {
    String sql =
        "SELECT COLUMNS_, MIN(SEQ_), COUNT(*), SUM(ROW_BYTES_) FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL GROUP BY COLUMNS_ ORDER BY 2";
    BulkCsvSize size = new BulkCsvSize();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          size.add(RowCells.columnList(rs.getString(1)), rs.getLong(4), rs.getLong(3));
        }
      }
      return size;
    } catch (SQLException e) {
      throw failure("read the bulk claim", e);
    }
  }

  /** Receives a claimed row's stored columns and cells. */
  public interface RowVisitor {
    void visit(String columns, String line) throws IOException;
  }

  /**
   * Visits the claim's rows without an outcome in row-id order, reading their cells a page at a
   * time (about {@value #PAGE_BYTES} bytes), so memory holds one page, however large the batch.
   */
  public void claimedRows(Connection c, String claimId, RowVisitor visitor) throws IOException {
    long after = 0;
    while (true) {
      long last = pageEnd(c, claimId, after);
      if (last < 0) {
        return;
      }
      String sql =
          "SELECT COLUMNS_, ROW_ FROM "
              + ENTRY_TABLE
              + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL AND SEQ_ > ? AND SEQ_ <= ? ORDER BY SEQ_";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, claimId);
        ps.setLong(2, after);
        ps.setLong(3, last);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            visitor.visit(rs.getString(1), rs.getString(2));
          }
        }
      } catch (SQLException e) {
        throw failure("read claimed bulk records", e);
      }
      after = last;
    }
  }

  /** The last row id of the page after {@code after}, or -1 when no row is left. */
  private long pageEnd(Connection c, String claimId, long after) {
    String sql =
        "SELECT SEQ_, ROW_BYTES_ FROM "
            + ENTRY_TABLE
            + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL AND SEQ_ > ? ORDER BY SEQ_ LIMIT "
            + PAGE_ROWS;
    long last = -1;
    long bytes = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      ps.setLong(2, after);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (last >= 0 && bytes + rs.getLong(2) > PAGE_BYTES) {
            break;
          }
          last = rs.getLong(1);
          bytes += rs.getLong(2);
        }
      }
      return last;
    } catch (SQLException e) {
      throw failure("read claimed bulk records", e);
    }
  }

  /** The match keys of the claim's rows without an outcome. */
  public ClaimKeys claimKeys(Connection c, String claimId, int expected) {
    String sql =
        "SELECT SEQ_, MATCH_KEY_ FROM " + ENTRY_TABLE + " WHERE CLAIM_ID_ = ? AND RESULT_ IS NULL";
    ClaimKeys keys = new ClaimKeys(expected);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, claimId);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getLong(1), rs.getString(2));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw failure("read claimed bulk records", e);
    }
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

  static String truncate(String s, int max) {
    if (s == null) {
      return null;
    }
    // PostgreSQL refuses NUL characters in text columns; Salesforce's messages are not ours to
    // trust
    String text = s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** The exception for a failed statement: what failed, the SQL state and the message. */
  static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(
        "Could not " + what + " (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
  }
}
