package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILURE_REASON;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_STATE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_DEADLINE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_INTERVAL;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_TIMED_OUT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORDS_FAILED;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORDS_PROCESSED;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.BulkJobState;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Check job state": one {@code GET /jobs/ingest/{id}}; publishes state and counters, the reason of
 * a {@code Failed}/{@code Aborted} job, and whether the poll deadline has passed.
 */
public class CheckJobStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    String jobId = jobId(execution);
    BulkJobInfo job = bulk(execution, runtime, calls).jobInfo(jobId);
    BulkJobState state = job.state();
    execution.setVariable(POLL_COUNT, intVariable(execution, POLL_COUNT) + 1);
    // only the first poll is early (CloseJobStep); the next ones wait the whole poll interval
    execution.setVariable(POLL_INTERVAL, runtime.settings().pollInterval().toString());
    execution.setVariable(JOB_STATE, state == null ? null : state.apiValue());
    execution.setVariable(RECORDS_PROCESSED, job.numberRecordsProcessed());
    execution.setVariable(RECORDS_FAILED, job.numberRecordsFailed());
    if (state == BulkJobState.FAILED || state == BulkJobState.ABORTED) {
      execution.setVariable(
          FAILURE_REASON,
          "Bulk job "
              + jobId
              + " ended "
              + state.apiValue()
              + (job.errorMessage() == null || job.errorMessage().isBlank()
                  ? ""
                  : ": " + job.errorMessage()));
    }
    Date deadline = (Date) execution.getVariable(POLL_DEADLINE);
    boolean timedOut =
        (state == null || !state.isTerminal())
            && deadline != null
            && !ClockUtil.getCurrentTime().before(deadline);
    execution.setVariable(POLL_TIMED_OUT, timedOut);
  }
}
