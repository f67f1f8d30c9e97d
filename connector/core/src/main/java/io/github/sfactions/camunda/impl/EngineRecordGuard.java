package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.RecordGuard;
import io.github.sfactions.action.RecordIds;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>A {@code salesforce-find-records} lookup's turn is remembered for the rest of the command, per
 * process instance, so that the {@code salesforce-record} write of what it found in the same job
 * (the "Sync one record" process) writes in arrival order too ({@link #turnForWrite}).
 */
public final class EngineRecordGuard implements RecordGuard {

  /**
   * What the databases answer a statement that waited too long for a row lock or was chosen to
   * break a deadlock: H2's lock timeout, PostgreSQL's lock_not_available and deadlock, Oracle's
   * resource busy, and the standard serialization failure (H2's and MySQL's deadlock). Only these:
   * a busy job keeps its retries, so a state that may mean a lasting failure must not be here.
   */
  private static final Set<String> BUSY_STATES =
      Set.of("HYT00", "40001", "55P03", "40P01", "61000");

  /**
   * The longest a job waits for a record's turn before it gives its thread back and tries again
   * later ({@link RecordBusyException}): H2's default lock timeout, set explicitly on PostgreSQL.
   */
  static final Duration TURN_WAIT = Duration.ofSeconds(2);

  private static final Map<CommandContext, Map<String, Lookup>> LOOKUPS =
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
    return new FieldOrder(db, key, arrival(), retention);
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
   * Remembers, for the rest of the command, the turn a {@code salesforce-find-records} lookup of
   * the current process instance took and the records it found, so that a {@code salesforce-record}
   * write of one of them (or a create after it found none) keeps the arrival order of that record.
   */
  public static void rememberLookup(Turn turn, String sobject, List<String> foundIds) {
    CommandContext command = Context.getCommandContext();
    ExecutionEntity execution = ExecutionSupport.currentExecution().orElse(null);
    if (command != null && execution != null) {
      LOOKUPS
          .computeIfAbsent(command, c -> new HashMap<>())
          .put(execution.getProcessInstanceId(), new Lookup(sobject, foundIds, turn));
    }
  }

  /**
   * The turn for a {@code salesforce-record} write: the turn of this instance's lookup in this
   * command when the write is of what that lookup looked for (the record it found, or a create of
   * that object after it found none); a write of anything else takes no turn.
   *
   * @param recordId the record written, null for a create
   */
  public static Turn turnForWrite(String sobject, String recordId) {
    CommandContext command = Context.getCommandContext();
    Map<String, Lookup> lookups = command == null ? null : LOOKUPS.get(command);
    Lookup lookup =
        lookups == null
            ? null
            : ExecutionSupport.currentExecution()
                .map(execution -> lookups.get(execution.getProcessInstanceId()))
                .orElse(null);
    if (lookup == null || !lookup.sobject().equalsIgnoreCase(sobject)) {
      return Turn.FREE;
    }
    boolean same =
        recordId == null
            ? lookup.foundIds().isEmpty()
            : lookup.foundIds().stream().anyMatch(id -> RecordIds.same(id, recordId));
    return same ? lookup.turn() : Turn.FREE;
  }

  /** A lookup's turn, the object it looked in and the records it found. */
  private record Lookup(String sobject, List<String> foundIds, Turn turn) {}

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
