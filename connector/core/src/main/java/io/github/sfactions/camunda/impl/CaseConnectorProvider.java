package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#CASE}. */
public class CaseConnectorProvider extends AbstractSalesforceConnectorProvider {

  public CaseConnectorProvider() {
    super(
        SalesforceConnectorIds.CASE,
        () -> new ActionConnector(SalesforceConnectorIds.CASE, ActionType.CASE));
  }
}
