package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.RecordGuard;
import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.EngineTransaction;
import io.github.sfactions.camunda.RecordBusyException;
import io.github.sfactions.camunda.SalesforceConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@link RecordGuard} on the engine's database, for one connection: a turn is the row locks of the
 * record's matcher terms ({@link RecordKey}), taken in ascending order (so two turns never wait for
 * each other in a circle) by the running command's transaction and released when it ends.
 *
 * <p>The turn also remembers itself for the rest of the command, per process instance, so that a
 * {@code salesforce-record} write after a {@code salesforce-find-records} lookup in the same job
 * (the "Sync one record" process) writes in arrival order too ({@link #turnOfCurrentInstance()}).
 */
public final class EngineRecordGuard implements RecordGuard {

  /**
   * What the databases answer a statement that waited too long for a row lock or was chosen to
   * break a deadlock: H2's lock timeout and deadlock, PostgreSQL's lock_not_available and deadlock,
   * MySQL's lock wait timeout, Oracle's resource busy, SQL Server's lock request time-out.
   */
  private static final Set<String> BUSY_STATES =
      Set.of("HYT00", "40001", "55P03", "40P01", "41000", "61000", "S1000");

  /**
   * The longest a job waits for a record's turn before it gives its thread back and tries again
   * later ({@link RecordBusyException}): H2's default lock timeout, set explicitly on PostgreSQL.
   */
  static final Duration TURN_WAIT = Duration.ofSeconds(2);

  private static final Map<CommandContext, Map<String, Turn>> TURNS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final String connection;
  private final Duration retention;

  public EngineRecordGuard(String connection, Duration retention) {
    this.connection = connection == null ? SalesforceConnections.DEFAULT_CONNECTION : connection;
    this.retention = retention;
  }

  @Override
  public Turn enter(String sobject, Map<String, ?> matchers, String operator) {
    RecordKey key = RecordKey.of(connection, sobject, matchers, operator);
    Connection db = EngineTransaction.connection();
    try {
      if (isPostgres()) {
        lockOnPostgres(db, key);
      } else {
        lock(db, key);
      }
    } catch (SQLException e) {
      if (BUSY_STATES.contains(e.getSQLState())) {
        throw new RecordBusyException(
            "Another job held the turn of this "
                + sobject
                + " record too long ("
                + e.getSQLState()
                + "); retried without using up a retry",
            e);
      }
      throw new IllegalStateException(
          "Could not take the turn of " + sobject + " record: " + e.getMessage(), e);
    }
    Turn turn = new FieldOrder(db, key, arrival(), retention);
    ExecutionSupport.currentExecution()
        .ifPresent(
            execution ->
                TURNS
                    .computeIfAbsent(Context.getCommandContext(), c -> new HashMap<>())
                    .put(execution.getProcessInstanceId(), turn));
    return turn;
  }

  private static void lock(Connection db, RecordKey key) throws SQLException {
    try (PreparedStatement lock =
        db.prepareStatement(
            "UPDATE "
                + RecordLockSchema.LOCK_TABLE
                + " SET TURNS_ = TURNS_ + 1 WHERE BUCKET_ = ?")) {
      for (int bucket : key.buckets()) {
        lock.setInt(1, bucket);
        if (lock.executeUpdate() != 1) {
          throw new IllegalStateException(
              "Record lock row "
                  + bucket
                  + " is missing from "
                  + RecordLockSchema.LOCK_TABLE
                  + ": the table was changed by hand; restart an engine to fill it again");
        }
      }
    }
  }

  /**
   * PostgreSQL waits for a row lock without end by default, so a busy record would hold every job
   * thread: the wait is bounded as H2's is. And a statement that fails there aborts the whole
   * transaction, so the lock is taken inside a savepoint: a lock timeout rolls back to it, and the
   * engine's own failure handling still runs on a usable transaction.
   */
  private static void lockOnPostgres(Connection db, RecordKey key) throws SQLException {
    Savepoint before = db.setSavepoint();
    try (Statement set = db.createStatement()) {
      set.execute("SET LOCAL lock_timeout = '" + TURN_WAIT.toMillis() + "ms'");
      lock(db, key);
      set.execute("SET LOCAL lock_timeout TO DEFAULT");
      db.releaseSavepoint(before);
    } catch (SQLException | RuntimeException e) {
      db.rollback(before);
      throw e;
    }
  }

  private static boolean isPostgres() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    return configuration != null && "postgres".equals(configuration.getDatabaseType());
  }

  /**
   * The turn a lookup of the current process instance took earlier in this command, if any: a write
   * that follows it keeps the arrival order of that record.
   */
  public static Optional<Turn> turnOfCurrentInstance() {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return Optional.empty();
    }
    Map<String, Turn> turns = TURNS.get(command);
    return turns == null
        ? Optional.empty()
        : ExecutionSupport.currentExecution()
            .map(execution -> turns.get(execution.getProcessInstanceId()));
  }

  /**
   * The instance's arrival number, or that of the instance that called it (a "Sync one record"
   * instance runs for its caller's event).
   */
  private static Long arrival() {
    ExecutionEntity execution = ExecutionSupport.currentExecution().orElse(null);
    while (execution != null) {
      if (execution.getVariable(ArrivalOrder.VARIABLE) instanceof Number n) {
        return n.longValue();
      }
      execution = execution.getProcessInstance().getSuperExecution();
    }
    return null;
  }

  /** The arrival numbers of the record's written fields, read once per turn. */
  private static final class FieldOrder implements Turn {

    private final Connection db;
    private final RecordKey key;
    private final Long arrival;
    private final Duration retention;
    private Map<String, Long> written;

    FieldOrder(Connection db, RecordKey key, Long arrival, Duration retention) {
      this.db = db;
      this.key = key;
      this.arrival = arrival;
      this.retention = retention;
    }

    @Override
    public Map<String, Object> unwritten(Map<String, Object> fields) {
      if (arrival == null) {
        return fields;
      }
      Map<String, Long> last = written();
      Map<String, Object> unwritten = new LinkedHashMap<>();
      fields.forEach(
          (field, value) -> {
            Long by = last.get(field.toLowerCase(Locale.ROOT));
            if (by == null || by < arrival) {
              unwritten.put(field, value);
            }
          });
      return unwritten;
    }

    @Override
    public void wrote(Set<String> fields) {
      if (arrival == null || fields.isEmpty()) {
        return;
      }
      Map<String, Long> last = written();
      Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
      try (PreparedStatement update =
              db.prepareStatement(
                  "UPDATE "
                      + RecordLockSchema.FIELD_TABLE
                      + " SET ARRIVAL_ = ?, WRITTEN_ = ? WHERE KEY_ = ? AND FIELD_ = ?");
          PreparedStatement insert =
              db.prepareStatement(
                  "INSERT INTO "
                      + RecordLockSchema.FIELD_TABLE
                      + " (KEY_, FIELD_, BUCKET_, ARRIVAL_, WRITTEN_) VALUES (?, ?, ?, ?, ?)")) {
        int updates = 0;
        int inserts = 0;
        for (String name : fields) {
          String field = name.toLowerCase(Locale.ROOT);
          Long by = last.get(field);
          if (by != null && by >= arrival) {
            continue;
          }
          if (by == null) {
            insert.setString(1, key.key());
            insert.setString(2, field);
            insert.setInt(3, key.home());
            insert.setLong(4, arrival);
            insert.setTimestamp(5, now);
            insert.addBatch();
            inserts++;
          } else {
            update.setLong(1, arrival);
            update.setTimestamp(2, now);
            update.setString(3, key.key());
            update.setString(4, field);
            update.addBatch();
            updates++;
          }
          last.put(field, arrival);
        }
        if (updates > 0) {
          update.executeBatch();
        }
        if (inserts > 0) {
          insert.executeBatch();
          prune(now);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Could not record the arrival order of a record's fields: " + e.getMessage(), e);
      }
    }

    /**
     * Forgets the fields of this lock row's records written longer ago than the retention: every
     * writer of those records holds this row, as we do now.
     */
    private void prune(Timestamp now) throws SQLException {
      try (PreparedStatement delete =
          db.prepareStatement(
              "DELETE FROM "
                  + RecordLockSchema.FIELD_TABLE
                  + " WHERE BUCKET_ = ? AND WRITTEN_ < ?")) {
        delete.setInt(1, key.home());
        delete.setTimestamp(2, new Timestamp(now.getTime() - retention.toMillis()));
        delete.executeUpdate();
      }
    }

    private Map<String, Long> written() {
      if (written == null) {
        written = new HashMap<>();
        try (PreparedStatement select =
            db.prepareStatement(
                "SELECT FIELD_, ARRIVAL_ FROM "
                    + RecordLockSchema.FIELD_TABLE
                    + " WHERE KEY_ = ?")) {
          select.setString(1, key.key());
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              written.put(rows.getString(1), rows.getLong(2));
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException(
              "Could not read the arrival order of a record's fields: " + e.getMessage(), e);
        }
      }
      return written;
    }
  }
}
