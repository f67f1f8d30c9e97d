package io.github.sfactions.bpmn.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Reads the queue table of an engine's database directly (test assertions). */
public final class QueueTable {

  private QueueTable() {}

  /** Rows in the queue (queued, claimed or waiting for delivery). */
  public static long size(ProcessEngine engine) {
    return count(engine, "SELECT COUNT(*) FROM SFA_BULK_ENTRY");
  }

  /** Rows not claimed by any batch. */
  public static long unclaimed(ProcessEngine engine) {
    return count(engine, "SELECT COUNT(*) FROM SFA_BULK_ENTRY WHERE CLAIM_ID_ IS NULL");
  }

  /** Empties the queue (a test that starts after a failed one must not send its leftovers). */
  public static void clear(ProcessEngine engine) {
    update(engine, "DELETE FROM SFA_BULK_ENTRY");
  }

  /** Changes the queue by hand, as an operator (or an attacker with database access) might. */
  public static void update(ProcessEngine engine, String sql) {
    ProcessEngineConfigurationImpl c =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection con = c.getDataSource().getConnection();
        Statement s = con.createStatement()) {
      s.executeUpdate(sql);
      if (!con.getAutoCommit()) {
        con.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(ProcessEngine engine, String sql) {
    ProcessEngineConfigurationImpl c =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection con = c.getDataSource().getConnection();
        Statement s = con.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
