package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_RESULTS}. */
public class BulkResultsConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkResultsConnectorProvider() {
    super(SalesforceConnectorIds.BULK_RESULTS, BulkResultsConnector::new);
  }
}
