package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.JOB_ID;

import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkIngest;
import java.util.Map;
import java.util.Set;

/** {@code salesforce-bulk-abort}: aborts the job (nothing more is processed) → state. */
public class BulkAbortConnector extends AbstractBulkConnector {

  public BulkAbortConnector() {
    super(SalesforceConnectorIds.BULK_ABORT, Set.of(JOB_ID));
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    return jobOutputs(bulk.abortJob(jobId(params)));
  }
}
