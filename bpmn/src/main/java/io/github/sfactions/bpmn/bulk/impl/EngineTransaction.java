package io.github.sfactions.bpmn.bulk.impl;

import java.sql.Connection;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The JDBC connection of the engine command that is running: queue SQL on it commits and rolls back with the
 * engine's own changes (a failed job leaves nothing queued, claimed or deleted).
 */
final class EngineTransaction {

  private EngineTransaction() {
  }

  /** True inside an engine command. */
  static boolean active() {
    return Context.getCommandContext() != null;
  }

  /**
   * The running command's connection.
   *
   * @throws IllegalStateException outside an engine command
   */
  static Connection connection() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("The sfactions bulk queue must be used inside a process engine command");
    }
    return context.getDbSqlSession().getSqlSession().getConnection();
  }
}
