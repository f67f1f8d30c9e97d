package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.BATCH_FAILED_ERROR_CODE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_ID_VAR;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_STATE;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkJobInfo;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Create bulk job": {@code POST /jobs/ingest} for the batch's object, operation and external id
 * field. A definite rejection (e.g. an unknown object) fails the batch's records; anything else is
 * retried.
 */
public class CreateJobStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    GroupKey group =
        runtime
            .store()
            .groupOfClaim(connection(), claimId(execution))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Bulk claim " + claimId(execution) + " holds no records"));
    BulkJobInfo job;
    try {
      job = bulk(execution, runtime, calls).createJob(group.jobRequest());
    } catch (RuntimeException e) {
      if (SalesforceFailures.isRejection(e)) {
        throw batchError(
            execution,
            BATCH_FAILED_ERROR_CODE,
            "Salesforce rejected the bulk job for "
                + group.sobject()
                + " "
                + group.operation().apiValue()
                + ": "
                + SalesforceFailures.describe(e));
      }
      throw e;
    }
    execution.setVariable(JOB_ID_VAR, job.id());
    execution.setVariable(JOB_STATE, job.state() == null ? null : job.state().apiValue());
  }
}
