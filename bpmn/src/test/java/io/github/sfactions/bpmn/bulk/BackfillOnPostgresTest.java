package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/** {@link BackfillCases} on PostgreSQL (a fresh database). */
class BackfillOnPostgresTest extends BackfillCases {

  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_backfill");
  private static final ProcessEngine POSTGRES =
      DATABASE.engine(
          "sfactions-bulk-backfill-postgres", "none", BulkEngines.plugin(BATCH), Map.of());

  BackfillOnPostgresTest() {
    super(POSTGRES);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
