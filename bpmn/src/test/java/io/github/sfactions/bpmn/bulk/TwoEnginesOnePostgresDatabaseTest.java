package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link TwoEnginesOneDatabaseCases} as a cluster runs it: two nodes on one PostgreSQL database (a
 * fresh one) claim at the same time under PostgreSQL's row locks, with fewer records than on H2 to
 * keep the suite short.
 */
class TwoEnginesOnePostgresDatabaseTest extends TwoEnginesOneDatabaseCases {

  private static final int RECORDS = 600;
  private static final int BATCH = 150;
  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_cluster");
  private static final ProcessEngine NODE_A =
      DATABASE.engine(
          "sfactions-bulk-pg-node-a", "none", BulkEngines.plugin(BATCH), Map.of("outcomeLog", LOG));
  private static final ProcessEngine NODE_B =
      DATABASE.engine(
          "sfactions-bulk-pg-node-b", "none", BulkEngines.plugin(BATCH), Map.of("outcomeLog", LOG));

  TwoEnginesOnePostgresDatabaseTest() {
    super(NODE_A, NODE_B, RECORDS, BATCH);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
