package io.github.sfactions.bpmn.bulk;

import java.util.Map;

/** {@link TwoEnginesOneDatabaseCases} on one H2 database in memory. */
class TwoEnginesOneDatabaseTest extends TwoEnginesOneDatabaseCases {

  private static final String URL =
      "jdbc:h2:mem:sfactions-bulk-cluster;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
  private static final int RECORDS = 3000;
  private static final int BATCH = 500;

  TwoEnginesOneDatabaseTest() {
    super(
        BulkEngines.engine(
            "sfactions-bulk-node-a",
            URL,
            "none",
            BulkEngines.plugin(BATCH),
            Map.of("outcomeLog", LOG)),
        BulkEngines.engine(
            "sfactions-bulk-node-b",
            URL,
            "none",
            BulkEngines.plugin(BATCH),
            Map.of("outcomeLog", LOG)),
        RECORDS,
        BATCH);
  }
}
