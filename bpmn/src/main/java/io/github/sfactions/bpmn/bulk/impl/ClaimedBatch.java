package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.client.BulkBatch;
import io.github.sfactions.client.BulkBatchSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claimed records that still wait for an outcome, cut into the job's batch by the connector's
 * {@link BulkBatchSplitter} (count and exact CSV size), and written by its CSV writer. Rebuilt from
 * the queue rows whenever a step needs it, so no CSV is ever stored.
 *
 * @param records the records in the batch, in queue order
 * @param batch the batch (columns, rows, exact CSV size)
 * @param overflow records that did not fit (to be released to the queue)
 */
public record ClaimedBatch(
    List<QueuedRecord> records, BulkBatch<Map<String, String>> batch, List<QueuedRecord> overflow) {

  /**
   * Splits the claimed records like the uploaded CSV.
   *
   * @throws IllegalArgumentException when the records cannot be written (e.g. one record exceeds
   *     the size cap)
   */
  public static ClaimedBatch of(List<QueuedRecord> claimed, BulkIngestSettings settings) {
    if (claimed.isEmpty()) {
      throw new IllegalStateException("The claim holds no records waiting for an outcome");
    }
    List<Map<String, String>> rows = new ArrayList<>(claimed.size());
    claimed.forEach(r -> rows.add(r.row()));
    List<BulkBatch<Map<String, String>>> batches =
        new BulkBatchSplitter(settings.batchSize(), settings.maxCsvBytes()).split(rows);
    BulkBatch<Map<String, String>> first = batches.get(0);
    int size = first.records().size();
    return new ClaimedBatch(claimed.subList(0, size), first, claimed.subList(size, claimed.size()));
  }

  /** Row ids of the overflow. */
  public List<Long> overflowSeqs() {
    return overflow.stream().map(QueuedRecord::seq).toList();
  }
}
