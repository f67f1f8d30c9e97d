package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.JOB_ID;

import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkIngest;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-bulk-close}: marks the upload complete so Salesforce starts processing → state.
 */
public class BulkCloseConnector extends AbstractBulkConnector {

  public BulkCloseConnector() {
    super(SalesforceConnectorIds.BULK_CLOSE, Set.of(JOB_ID));
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    return jobOutputs(bulk.closeJob(jobId(params)));
  }
}
