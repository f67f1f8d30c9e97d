package io.github.sfactions.bpmn.bulk;

import org.camunda.bpm.engine.ProcessEngine;

/** {@link BulkOutcomeDeliveryCases} on H2 in memory. */
class BulkOutcomeDeliveryTest extends BulkOutcomeDeliveryCases {

  static final ProcessEngine ENGINE =
      BulkEngines.engine(
          "sfactions-bulk-delivery-test",
          "jdbc:h2:mem:sfactions-bulk-delivery-test;DB_CLOSE_DELAY=-1",
          "full",
          BulkEngines.plugin(5000));

  BulkOutcomeDeliveryTest() {
    super(ENGINE);
  }
}
