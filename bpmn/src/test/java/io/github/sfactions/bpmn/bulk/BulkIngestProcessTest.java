package io.github.sfactions.bpmn.bulk;

import org.camunda.bpm.engine.ProcessEngine;

/** {@link BulkIngestProcessCases} on H2 in memory. */
class BulkIngestProcessTest extends BulkIngestProcessCases {

  static final ProcessEngine ENGINE =
      BulkEngines.engine(
          "sfactions-bulk-test",
          "jdbc:h2:mem:sfactions-bulk-test;DB_CLOSE_DELAY=-1",
          "full",
          BulkEngines.plugin(5000));

  BulkIngestProcessTest() {
    super(ENGINE);
  }
}
