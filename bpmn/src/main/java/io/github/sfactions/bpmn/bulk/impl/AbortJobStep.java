package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILURE_REASON;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_STATE;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkJobInfo;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Abort job": the job did not finish within {@code maxWait}; it is aborted so Salesforce stops
 * working on it, and its records fail with that reason. A rejected abort (the job finished
 * meanwhile) is noted, not retried: the records still fail, since their results were not read in
 * time.
 */
public class AbortJobStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    String jobId = jobId(execution);
    String lastState = (String) execution.getVariable(JOB_STATE);
    String outcome;
    try {
      BulkJobInfo job = bulk(execution, runtime, calls).abortJob(jobId);
      execution.setVariable(JOB_STATE, job.state() == null ? null : job.state().apiValue());
      outcome = "it was aborted";
    } catch (RuntimeException e) {
      if (!SalesforceFailures.isRejection(e)) {
        throw e;
      }
      outcome = "aborting it failed (" + SalesforceFailures.describe(e) + ")";
    }
    execution.setVariable(
        FAILURE_REASON,
        "Bulk job "
            + jobId
            + " did not finish within "
            + runtime.settings().maxWait()
            + " (last state "
            + lastState
            + "); "
            + outcome);
  }
}
