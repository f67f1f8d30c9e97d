package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#RECORD}. */
public class RecordConnectorProvider extends AbstractSalesforceConnectorProvider {

  public RecordConnectorProvider() {
    super(SalesforceConnectorIds.RECORD, RecordConnector::new);
  }
}
