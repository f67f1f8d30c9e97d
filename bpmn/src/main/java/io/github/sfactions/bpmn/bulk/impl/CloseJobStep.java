package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_STATE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_DEADLINE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_INTERVAL;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkJobInfo;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Close job": {@code UploadComplete}, so Salesforce starts processing; the poll deadline starts
 * now, and the first poll waits only the first poll interval (later ones the poll interval).
 */
public class CloseJobStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    BulkJobInfo job = bulk(execution, runtime, calls).closeJob(jobId(execution));
    execution.setVariable(JOB_STATE, job.state() == null ? null : job.state().apiValue());
    execution.setVariable(
        POLL_DEADLINE,
        new Date(ClockUtil.getCurrentTime().getTime() + runtime.settings().maxWait().toMillis()));
    execution.setVariable(POLL_INTERVAL, runtime.settings().firstPollInterval().toString());
  }
}
