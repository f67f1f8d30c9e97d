package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILED_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILURE_REASON;

import io.github.sfactions.action.ApiCallCounter;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Fail the batch's records": every claimed record without an outcome fails with the batch's {@code
 * failureReason} (job Failed or Aborted, poll timeout, upload or job creation failure), to be
 * delivered to its waiting instance as BPMN error 400.
 */
public class FailBatchStep extends BulkStep {

  /** Error code delivered for records of a failed batch. */
  static final String BATCH_FAILED = "BULK_BATCH_FAILED";

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    String reason = (String) execution.getVariable(FAILURE_REASON);
    int failed =
        runtime
            .store()
            .failUnresolved(
                connection(),
                claimId(execution),
                jobId(execution),
                BATCH_FAILED,
                reason == null ? "The bulk batch failed" : reason);
    execution.setVariable(FAILED_COUNT, failed);
  }
}
