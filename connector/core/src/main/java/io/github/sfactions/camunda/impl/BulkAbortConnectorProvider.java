package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_ABORT}. */
public class BulkAbortConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkAbortConnectorProvider() {
    super(SalesforceConnectorIds.BULK_ABORT, BulkAbortConnector::new);
  }
}
