package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.DONE;
import static io.github.sfactions.camunda.BulkParameters.ERROR_MESSAGE;
import static io.github.sfactions.camunda.BulkParameters.JOB_ID;
import static io.github.sfactions.camunda.BulkParameters.NUMBER_RECORDS_FAILED;
import static io.github.sfactions.camunda.BulkParameters.NUMBER_RECORDS_PROCESSED;

import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobInfo;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-bulk-status}: one poll of the job → state, done, numberRecordsProcessed,
 * numberRecordsFailed, errorMessage. Model the waiting with a timer loop (never block a job thread
 * while Salesforce works).
 */
public class BulkStatusConnector extends AbstractBulkConnector {

  public BulkStatusConnector() {
    super(SalesforceConnectorIds.BULK_STATUS, Set.of(JOB_ID));
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    BulkJobInfo job = bulk.jobInfo(jobId(params));
    Map<String, Object> out = jobOutputs(job);
    out.put(DONE, job.state() != null && job.state().isTerminal());
    out.put(NUMBER_RECORDS_PROCESSED, job.numberRecordsProcessed());
    out.put(NUMBER_RECORDS_FAILED, job.numberRecordsFailed());
    out.put(ERROR_MESSAGE, job.errorMessage());
    return out;
  }
}
