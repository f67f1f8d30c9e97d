package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link MicroBatchProcessCases} on PostgreSQL (a fresh database): the queue's added columns, the
 * group row's {@code SKIP LOCKED}, the outcome hand-over in one transaction and its retry each in a
 * transaction of its own.
 */
class MicroBatchProcessOnPostgresTest extends MicroBatchProcessCases {

  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("micro_batch");
  private static final ProcessEngine POSTGRES =
      DATABASE.engine("sfactions-micro-batch-test-postgres", "full", plugin(), Map.of());

  MicroBatchProcessOnPostgresTest() {
    super(POSTGRES);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
