package io.github.sfactions.camunda.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class RecordLockSchemaTest {

  @Test
  void nodesStartingAtOnceLeaveTheTablesAndEveryLockRowOnce() throws Exception {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:record-lock-schema;DB_CLOSE_DELAY=-1");
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        started.add(
            nodes.submit(
                () -> {
                  start.await();
                  RecordLockSchema.create(db);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : started) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    RecordLockSchema.create(db);

    try (Connection c = db.getConnection();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*), COUNT(DISTINCT BUCKET_), MIN(BUCKET_), MAX(BUCKET_) FROM "
                        + RecordLockSchema.LOCK_TABLE)) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(RecordLockSchema.BUCKETS);
      assertThat(rows.getInt(2)).isEqualTo(RecordLockSchema.BUCKETS);
      assertThat(rows.getInt(3)).isZero();
      assertThat(rows.getInt(4)).isEqualTo(RecordLockSchema.BUCKETS - 1);
    }
  }
}
