package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#ACCOUNT}. */
public class AccountConnectorProvider extends AbstractSalesforceConnectorProvider {

  public AccountConnectorProvider() {
    super(
        SalesforceConnectorIds.ACCOUNT,
        () -> new ActionConnector(SalesforceConnectorIds.ACCOUNT, ActionType.ACCOUNT));
  }
}
