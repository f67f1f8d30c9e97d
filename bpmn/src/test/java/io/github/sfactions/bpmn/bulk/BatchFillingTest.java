package io.github.sfactions.bpmn.bulk;

import java.util.Map;

/** {@link BatchFillingCases} on H2 in memory. */
class BatchFillingTest extends BatchFillingCases {

  BatchFillingTest() {
    super(
        BulkEngines.engine(
            "sfactions-bulk-filling",
            "jdbc:h2:mem:sfactions-bulk-filling;DB_CLOSE_DELAY=-1",
            "none",
            BulkEngines.plugin(BATCH),
            Map.of("outcomeLog", LOG)));
  }
}
