package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * Every path of {@link BulkIngestProcessCases} on PostgreSQL (a fresh database): queueing inside
 * the caller's job, claiming under the group lock, storing and reporting outcomes, and deleting
 * delivered rows, in that database's SQL.
 */
class BulkIngestProcessOnPostgresTest extends BulkIngestProcessCases {

  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_ingest");
  private static final ProcessEngine POSTGRES =
      DATABASE.engine("sfactions-bulk-test-postgres", "full", BulkEngines.plugin(5000), Map.of());

  BulkIngestProcessOnPostgresTest() {
    super(POSTGRES);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
