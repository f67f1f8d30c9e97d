package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_CREATE_JOB}. */
public class BulkCreateJobConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkCreateJobConnectorProvider() {
    super(SalesforceConnectorIds.BULK_CREATE_JOB, BulkCreateJobConnector::new);
  }
}
