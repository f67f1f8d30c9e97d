package io.github.sfactions.bpmn.bulk;

import org.camunda.bpm.engine.ProcessEngine;

/** {@link MicroBatchProcessCases} on H2 in memory. */
class MicroBatchProcessTest extends MicroBatchProcessCases {

  static final ProcessEngine ENGINE =
      BulkEngines.engine(
          "sfactions-micro-batch-test",
          "jdbc:h2:mem:sfactions-micro-batch-test;DB_CLOSE_DELAY=-1",
          "full",
          plugin());

  MicroBatchProcessTest() {
    super(ENGINE);
  }
}
