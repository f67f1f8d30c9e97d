package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/** {@link BatchFillingCases} on PostgreSQL (a fresh database). */
class BatchFillingOnPostgresTest extends BatchFillingCases {

  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_filling");
  private static final ProcessEngine POSTGRES =
      DATABASE.engine(
          "sfactions-bulk-filling-postgres",
          "none",
          BulkEngines.plugin(BATCH),
          Map.of("outcomeLog", LOG));

  BatchFillingOnPostgresTest() {
    super(POSTGRES);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
