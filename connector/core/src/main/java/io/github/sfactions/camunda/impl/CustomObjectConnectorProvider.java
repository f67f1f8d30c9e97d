package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#CUSTOM_OBJECT}. */
public class CustomObjectConnectorProvider extends AbstractSalesforceConnectorProvider {

  public CustomObjectConnectorProvider() {
    super(
        SalesforceConnectorIds.CUSTOM_OBJECT,
        () -> new ActionConnector(SalesforceConnectorIds.CUSTOM_OBJECT, ActionType.CUSTOM_OBJECT));
  }
}
