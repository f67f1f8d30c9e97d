package io.github.sfactions.bpmn.bulk;

import java.util.Map;

/** {@link BackfillCases} on H2 in memory. */
class BackfillTest extends BackfillCases {

  BackfillTest() {
    super(
        BulkEngines.engine(
            "sfactions-bulk-backfill",
            "jdbc:h2:mem:sfactions-bulk-backfill;DB_CLOSE_DELAY=-1",
            "none",
            BulkEngines.plugin(BATCH),
            Map.of()));
  }
}
