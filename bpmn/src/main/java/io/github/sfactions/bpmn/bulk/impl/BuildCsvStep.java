package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.BATCH_FAILED_ERROR_CODE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CSV_BYTES;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORD_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkCsvSize;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Build CSV": lays out the claimed batch's CSV from the rows' stored columns and sizes, in one
 * aggregate query (no row's cells are read): its header and exact size, published as {@code
 * recordCount} and {@code csvBytes}. The claim already cut the batch to fit, so nothing is split
 * again; a batch that no longer fits (the size cap was lowered while it waited) fails its records.
 * The CSV itself is written by the upload, straight from the rows, with this same layout.
 */
public class BuildCsvStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    BulkCsvSize layout = runtime.store().layout(connection(), claimId(execution));
    if (layout.rows() == 0) {
      throw new IllegalStateException("The claim holds no records waiting for an outcome");
    }
    long maxBytes = runtime.settings().maxCsvBytes();
    if (layout.size() > maxBytes) {
      throw batchError(
          execution,
          BATCH_FAILED_ERROR_CODE,
          "Cannot write the bulk CSV: the batch needs "
              + layout.size()
              + " bytes, more than maxCsvBytes ("
              + maxBytes
              + ")");
    }
    execution.setVariable(RECORD_COUNT, (int) layout.rows());
    execution.setVariable(CSV_BYTES, layout.size());
  }
}
