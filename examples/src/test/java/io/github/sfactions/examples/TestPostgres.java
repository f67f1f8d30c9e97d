package io.github.sfactions.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL database of a test's own on the local server ({@code 127.0.0.1:5432}, user {@code
 * postgres} without password, as CI's {@code .ci/run} starts it; {@code
 * -Dsfactions.test.postgres=jdbc:postgresql://host:port/} and {@code
 * -Dsfactions.test.postgres.user=...} point elsewhere), dropped when the test is done with it.
 */
final class TestPostgres {

  static final String SERVER =
      System.getProperty("sfactions.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("sfactions.test.postgres.user", "postgres");

  /**
   * The password the app is given: the local test server trusts its users, but the {@code postgres}
   * profile requires one to be set.
   */
  static final String PASSWORD = "unused";

  private final String name;

  private TestPostgres(String name) {
    this.name = name;
  }

  /** Creates an empty database named after {@code purpose} plus a random suffix. */
  static TestPostgres create(String purpose) {
    String name =
        ("sfa_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    admin("CREATE DATABASE " + name);
    return new TestPostgres(name);
  }

  /** The JDBC URL of this database. */
  String url() {
    return SERVER + name;
  }

  /** A connection to this database (the caller closes it). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /** Drops the database, disconnecting whoever is still connected. */
  void drop() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "This test needs PostgreSQL at "
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
