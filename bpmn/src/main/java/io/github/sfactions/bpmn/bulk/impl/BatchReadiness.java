package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import java.sql.Connection;
import java.util.Date;
import java.util.Optional;

/**
 * When a group's queued records should go out without an explicit flush: as soon as they fill a
 * batch, or once the group has been quiet for a flush interval (no record queued into it), or when
 * its oldest record has waited {@code maxBatchWait}. So a deep queue is sent in full batches, a
 * back-fill's tail goes one flush interval after its last record, and a steady trickle waits at
 * most {@code maxBatchWait}.
 */
final class BatchReadiness {

  private final BulkEntryStore store;
  private final BulkIngestSettings settings;

  BatchReadiness(BulkEntryStore store, BulkIngestSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** True when the group holds a full batch (by count) or a partial one that is due. */
  boolean ready(Connection c, String groupKey, Date now) {
    return store.countUnclaimed(c, groupKey, settings.batchSize()) >= settings.batchSize()
        || due(c, groupKey, now);
  }

  /** True when the group's partial batch should go now (quiet for a flush interval, or old). */
  boolean due(Connection c, String groupKey, Date now) {
    Optional<Date[]> span = store.unclaimedSpan(c, groupKey);
    if (span.isEmpty()) {
      return false;
    }
    long oldestAge = now.getTime() - span.get()[0].getTime();
    long newestAge = now.getTime() - span.get()[1].getTime();
    return oldestAge >= settings.maxBatchWait().toMillis()
        || newestAge >= settings.flushInterval().toMillis();
  }
}
