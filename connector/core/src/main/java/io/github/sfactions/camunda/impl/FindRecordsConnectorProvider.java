package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#FIND_RECORDS}. */
public class FindRecordsConnectorProvider extends AbstractSalesforceConnectorProvider {

  public FindRecordsConnectorProvider() {
    super(SalesforceConnectorIds.FIND_RECORDS, FindRecordsConnector::new);
  }
}
