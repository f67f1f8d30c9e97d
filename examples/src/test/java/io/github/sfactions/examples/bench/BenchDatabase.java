package io.github.sfactions.examples.bench;

import io.github.sfactions.examples.bench.BenchOptions.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for one scenario, dropped afterwards: H2 in memory (or in a file, for the
 * memory scenario, whose rows must not count as heap), or a new PostgreSQL database on {@code
 * 127.0.0.1:5432} as user {@code postgres} ({@code -Dsfactions.bench.postgres=jdbc:postgresql://
 * host:port/} and {@code -Dsfactions.bench.postgres.user=...} point elsewhere). PostgreSQL keeps
 * the server's {@code synchronous_commit}: a benchmark measures what a production database does.
 */
public final class BenchDatabase implements AutoCloseable {

  private static final String POSTGRES_SERVER =
      System.getProperty("sfactions.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String POSTGRES_USER =
      System.getProperty("sfactions.bench.postgres.user", "postgres");
  private static final String POSTGRES_PASSWORD =
      System.getProperty("sfactions.bench.postgres.password", "");

  private final Database type;
  private final String name;
  private final String url;
  private final Path directory;

  private BenchDatabase(Database type, String name, String url, Path directory) {
    this.type = type;
    this.name = name;
    this.url = url;
    this.directory = directory;
  }

  /** A new, empty database for {@code purpose} (letters, digits, dashes). */
  public static BenchDatabase create(Database type, String purpose) {
    return create(type, purpose, false);
  }

  /**
   * A new, empty database; {@code onDisk} puts an H2 database in a temporary directory instead of
   * the heap.
   */
  public static BenchDatabase create(Database type, String purpose, boolean onDisk) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    if (type == Database.POSTGRES) {
      String name =
          ("sfa_bench_" + purpose + "_" + suffix)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9_]", "_");
      admin("CREATE DATABASE " + name);
      return new BenchDatabase(type, name, POSTGRES_SERVER + name, null);
    }
    String name = "sfa-bench-" + purpose + "-" + suffix;
    if (onDisk) {
      try {
        Path directory = Files.createTempDirectory(name);
        return new BenchDatabase(
            type,
            name,
            "jdbc:h2:file:" + directory.resolve("db") + ";LOCK_TIMEOUT=10000",
            directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new BenchDatabase(
        type, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", null);
  }

  public Database type() {
    return type;
  }

  public String url() {
    return url;
  }

  public String user() {
    return type == Database.POSTGRES ? POSTGRES_USER : "sa";
  }

  public String password() {
    return type == Database.POSTGRES ? POSTGRES_PASSWORD : "";
  }

  public String driverClassName() {
    return type == Database.POSTGRES ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  /** Drops the database (call after the engine that used it has closed). */
  @Override
  public void close() {
    if (type == Database.POSTGRES) {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      return;
    }
    if (directory == null) {
      try (Connection c = DriverManager.getConnection(url, user(), password());
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not drop the H2 database " + name, e);
      }
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void admin(String sql) {
    try (Connection c =
            DriverManager.getConnection(
                POSTGRES_SERVER + "postgres", POSTGRES_USER, POSTGRES_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "--db postgres needs a server at "
              + POSTGRES_SERVER
              + " (user "
              + POSTGRES_USER
              + "): "
              + sql
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
