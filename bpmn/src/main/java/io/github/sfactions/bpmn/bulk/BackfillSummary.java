package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.client.BulkOperation;
import java.time.Instant;

/**
 * Where a back-fill stands: what was loaded and what Salesforce did with it so far.
 *
 * @param backfillId its id
 * @param name the name it was loaded with
 * @param connection the connection
 * @param sobject the object
 * @param operation the Bulk API operation
 * @param externalIdField the upsert key field, else null
 * @param started when loading began
 * @param loaded when loading ended, null while it runs
 * @param lines lines read
 * @param queued records queued
 * @param rejected lines refused before queueing
 * @param created records Salesforce created
 * @param updated records Salesforce updated
 * @param failed records Salesforce rejected (kept: {@link BulkBackfill#failedRecords})
 */
public record BackfillSummary(
    String backfillId,
    String name,
    String connection,
    String sobject,
    BulkOperation operation,
    String externalIdField,
    Instant started,
    Instant loaded,
    long lines,
    long queued,
    long rejected,
    long created,
    long updated,
    long failed) {

  /** Records queued that have no outcome yet. */
  public long pending() {
    return queued - created - updated - failed;
  }

  /** Loading ended and every queued record has its outcome. */
  public boolean done() {
    return loaded != null && pending() == 0;
  }
}
