package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_CLOSE}. */
public class BulkCloseConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkCloseConnectorProvider() {
    super(SalesforceConnectorIds.BULK_CLOSE, BulkCloseConnector::new);
  }
}
