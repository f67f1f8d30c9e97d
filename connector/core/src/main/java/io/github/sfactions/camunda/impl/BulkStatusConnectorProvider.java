package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_STATUS}. */
public class BulkStatusConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkStatusConnectorProvider() {
    super(SalesforceConnectorIds.BULK_STATUS, BulkStatusConnector::new);
  }
}
