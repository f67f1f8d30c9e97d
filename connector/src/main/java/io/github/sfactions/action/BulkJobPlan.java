package io.github.sfactions.action;

import io.github.sfactions.client.BulkBatch;
import java.util.List;
import java.util.Map;

/**
 * A validated bulk batch: the job every slice goes to and the slices themselves (each one job: create, upload,
 * close), each with its CSV columns in the reference's order.
 *
 * @param job object, operation and (upsert) external id field of the jobs
 * @param idColumn {@code Id} (update), the external id field (upsert) or null (insert); the last CSV column
 * @param batches the slices, at most 5000 records and 100 MB of CSV each unless configured otherwise
 */
public record BulkJobPlan(BulkRecord.JobKey job, String idColumn, List<BulkBatch<Map<String, Object>>> batches) {

  public BulkJobPlan {
    batches = List.copyOf(batches);
  }

  /** Number of records over all slices. */
  public int recordCount() {
    return batches.stream().mapToInt(b -> b.records().size()).sum();
  }
}
