package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.BATCH_FAILED_ERROR_CODE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CSV_BYTES;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORD_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import java.sql.Connection;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Build CSV": cuts the claimed records into the job's batch with the connector's splitter (exact
 * CSV size), gives records that do not fit back to the queue, and records the batch's size. The CSV
 * itself is not stored: the upload writes it again from the claimed rows, byte for byte the same.
 */
public class BuildCsvStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    Connection c = connection();
    String claimId = claimId(execution);
    ClaimedBatch batch;
    try {
      batch =
          ClaimedBatch.of(runtime.store().claimedWithoutOutcome(c, claimId), runtime.settings());
    } catch (IllegalArgumentException unwritable) {
      throw batchError(
          execution,
          BATCH_FAILED_ERROR_CODE,
          "Cannot write the bulk CSV: " + unwritable.getMessage());
    }
    if (!batch.overflow().isEmpty()) {
      runtime.store().release(c, batch.overflowSeqs(), claimId);
    }
    execution.setVariable(RECORD_COUNT, batch.records().size());
    execution.setVariable(CSV_BYTES, batch.batch().csvBytes());
  }
}
