package io.github.sfactions.camunda.impl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The record-lock tables. {@value #LOCK_TABLE} holds a fixed set of {@value #BUCKETS} rows: a
 * record's matcher values hash to some of them, and a job takes a record's turn by updating its
 * rows, so that no insert (which could collide between nodes) is ever needed to lock. {@value
 * #FIELD_TABLE} holds, per record key and field, the arrival number of the event that wrote the
 * field last; its rows are only touched by the job holding the record's turn.
 *
 * <p>Plain SQL types and statements, so that the tables work on every database Camunda supports;
 * existence is checked through JDBC metadata rather than {@code IF NOT EXISTS}.
 */
public final class RecordLockSchema {

  /** The lock rows. */
  public static final String LOCK_TABLE = "SFA_RECORD_LOCK";

  /** The arrival number of the last write of each field of each record. */
  public static final String FIELD_TABLE = "SFA_RECORD_FIELD";

  /**
   * Lock rows. Two records whose values hash to one row take turns although they need not, which
   * costs a wait, never a wrong result; with 4096 rows and 50 jobs at once that is rare.
   */
  public static final int BUCKETS = 4096;

  private static final int INSERT_BATCH = 512;

  private RecordLockSchema() {}

  /** Creates the missing tables and lock rows, on a connection of its own (committed at once). */
  public static void create(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        createTable(
            c,
            LOCK_TABLE,
            "CREATE TABLE "
                + LOCK_TABLE
                + " (BUCKET_ INTEGER NOT NULL PRIMARY KEY, TURNS_ BIGINT NOT NULL)");
        createTable(
            c,
            FIELD_TABLE,
            "CREATE TABLE "
                + FIELD_TABLE
                + " (KEY_ VARCHAR(64) NOT NULL, FIELD_ VARCHAR(255) NOT NULL,"
                + " BUCKET_ INTEGER NOT NULL, ARRIVAL_ BIGINT NOT NULL, WRITTEN_ TIMESTAMP NOT NULL,"
                + " PRIMARY KEY (KEY_, FIELD_))",
            "CREATE INDEX SFA_IDX_RECORD_FIELD_AGE ON " + FIELD_TABLE + " (BUCKET_, WRITTEN_)");
        fillBuckets(c);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create the sfactions record lock tables: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the table unless it exists. Another node may create it at the same moment: then our
   * statement fails, the table exists, and that is all we wanted.
   */
  private static void createTable(Connection c, String table, String... ddl) throws SQLException {
    if (exists(c, table)) {
      return;
    }
    try (Statement s = c.createStatement()) {
      for (String sql : ddl) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      if (!exists(c, table)) {
        throw e;
      }
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Inserts the lock rows that are missing; rows another node inserted meanwhile are kept. */
  private static void fillBuckets(Connection c) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      BitSet present = new BitSet(BUCKETS);
      try (Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT BUCKET_ FROM " + LOCK_TABLE)) {
        while (rows.next()) {
          present.set(rows.getInt(1));
        }
      }
      if (present.cardinality() >= BUCKETS) {
        return;
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO " + LOCK_TABLE + " (BUCKET_, TURNS_) VALUES (?, 0)")) {
        int batched = 0;
        for (int bucket = present.nextClearBit(0);
            bucket < BUCKETS;
            bucket = present.nextClearBit(bucket + 1)) {
          insert.setInt(1, bucket);
          insert.addBatch();
          if (++batched % INSERT_BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
        return;
      } catch (SQLException e) {
        // a node starting beside us inserted some of the same rows: count again
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }
}
