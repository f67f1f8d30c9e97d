package io.github.sfactions.bpmn.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The queue tables on PostgreSQL when several nodes start on an empty database at the same moment.
 */
class BulkQueueSchemaOnPostgresTest {

  private static final int NODES = 4;
  private static final int ROUNDS = 5;
  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_schema");

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void nodesCreatingTheTablesAtOnceAllStartAndTheTablesExistOnce() throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(DATABASE.url());
    dataSource.setUser(PostgresTestDatabase.USER);
    ExecutorService pool = Executors.newFixedThreadPool(NODES);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        dropTables(dataSource);
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
          nodes.add(
              pool.submit(
                  () -> {
                    together.await();
                    BulkQueueSchema.create(dataSource, SqlDialect.POSTGRES);
                    return null;
                  }));
        }
        for (Future<?> node : nodes) {
          node.get(60, TimeUnit.SECONDS);
        }
        assertThat(
                count(
                    dataSource,
                    "SELECT COUNT(*) FROM pg_tables WHERE tablename IN ('sfa_bulk_entry',"
                        + " 'sfa_bulk_group', 'sfa_bulk_backfill', 'sfa_bulk_failed')"))
            .isEqualTo(4);
        assertThat(
                count(
                    dataSource,
                    "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'sfa_bulk_entry'"))
            .isEqualTo(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void dropTables(PGSimpleDataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "DROP TABLE IF EXISTS "
              + BulkQueueSchema.ENTRY_TABLE
              + ", "
              + BulkQueueSchema.GROUP_TABLE
              + ", "
              + BulkQueueSchema.BACKFILL_TABLE
              + ", "
              + BulkQueueSchema.FAILED_TABLE);
    }
  }

  private static long count(PGSimpleDataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
