package io.github.sfactions.bpmn.bulk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * A PostgreSQL database of its own for one test class, with the engines built on it, created on the
 * local server and dropped afterwards (engines closed first), so runs never see each other's rows.
 * The server is {@code 127.0.0.1:5432} as user {@code postgres} without password (CI's {@code
 * .ci/run} starts it); {@code -Dsfactions.test.postgres=jdbc:postgresql://host:port/} and {@code
 * -Dsfactions.test.postgres.user=...} point elsewhere.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  private static final String SERVER =
      System.getProperty("sfactions.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

  /** The role the tests connect as. */
  public static final String USER = System.getProperty("sfactions.test.postgres.user", "postgres");

  private final String name;
  private final List<ProcessEngine> engines = new ArrayList<>();
  private final List<BulkIngestPlugin> plugins = new ArrayList<>();

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database named after {@code purpose} plus a random suffix. */
  public static PostgresTestDatabase create(String purpose) {
    String name =
        ("sfa_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    admin("CREATE DATABASE " + name);
    // a test database need not survive a server crash; waiting for each commit's WAL flush only
    // slows the tests
    admin("ALTER DATABASE " + name + " SET synchronous_commit = off");
    return new PostgresTestDatabase(name);
  }

  /** The JDBC URL of this database. */
  public String url() {
    return SERVER + name;
  }

  /** A connection to this database (the caller closes it). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, "");
  }

  /** A new engine on this database, closed with it. */
  public synchronized ProcessEngine engine(
      String engineName, String historyLevel, BulkIngestPlugin bulk, Map<String, Object> beans) {
    ProcessEngine engine = BulkEngines.postgres(engineName, this, historyLevel, bulk, beans);
    engines.add(engine);
    plugins.add(bulk);
    return engine;
  }

  /** Closes the engines and drops the database, disconnecting whoever is still connected. */
  @Override
  public synchronized void close() {
    plugins.forEach(BulkIngestPlugin::unregister);
    engines.forEach(ProcessEngine::close);
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The PostgreSQL bulk tests need a server at "
              + SERVER
              + " (user "
              + USER
              + "; start it with .ci/run or pg_ctlcluster): "
              + sql
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
