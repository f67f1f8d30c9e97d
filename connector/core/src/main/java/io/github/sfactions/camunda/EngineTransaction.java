package io.github.sfactions.camunda;

import io.github.sfactions.camunda.impl.ConnectorLogger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The JDBC connection of the engine command that is running: SQL of our own tables (the bulk queue,
 * the record locks) on it commits and rolls back with the engine's own changes (a failed job leaves
 * nothing queued, claimed or deleted, and releases its row locks).
 *
 * <p>With the engine's own (standalone) transactions MyBatis skips the JDBC rollback when the
 * engine itself had written nothing yet, and the pooled connection's reset to auto-commit would
 * then commit our rows. So for those transactions the connection is rolled back explicitly when the
 * engine rolls back. Spring- and JTA-managed transactions roll the connection back themselves.
 */
public final class EngineTransaction {

  private static final Set<CommandContext> GUARDED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private EngineTransaction() {}

  /** True inside an engine command. */
  public static boolean active() {
    return Context.getCommandContext() != null;
  }

  /**
   * The running command's connection.
   *
   * @throws IllegalStateException outside an engine command
   */
  public static Connection connection() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("This must run inside a process engine command");
    }
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    TransactionContext tx = context.getTransactionContext();
    if (tx instanceof StandaloneTransactionContext && GUARDED.add(context)) {
      tx.addTransactionListener(TransactionState.ROLLINGBACK, c -> rollback(connection));
    }
    return connection;
  }

  /**
   * Runs {@code action} once the running command's transaction has committed (never on rollback).
   * It must not use the engine: the transaction is over, but its context is still active.
   */
  public static void afterCommit(Runnable action) {
    Context.getCommandContext()
        .getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, c -> action.run());
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      ConnectorLogger.rollbackFailed(e);
    }
  }
}
