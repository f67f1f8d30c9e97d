package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#BULK_UPLOAD}. */
public class BulkUploadConnectorProvider extends AbstractSalesforceConnectorProvider {

  public BulkUploadConnectorProvider() {
    super(SalesforceConnectorIds.BULK_UPLOAD, BulkUploadConnector::new);
  }
}
