package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link BulkOutcomeDeliveryCases} on PostgreSQL (a fresh database): outcomes delivered in their
 * own jobs, and a late outcome kept in the queue, counted and retried until its instance waits.
 */
class BulkOutcomeDeliveryOnPostgresTest extends BulkOutcomeDeliveryCases {

  private static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create("bulk_delivery");
  private static final ProcessEngine POSTGRES =
      DATABASE.engine(
          "sfactions-bulk-delivery-test-postgres", "full", BulkEngines.plugin(5000), Map.of());

  BulkOutcomeDeliveryOnPostgresTest() {
    super(POSTGRES);
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }
}
