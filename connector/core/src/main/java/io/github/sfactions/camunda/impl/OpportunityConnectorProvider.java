package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#OPPORTUNITY}. */
public class OpportunityConnectorProvider extends AbstractSalesforceConnectorProvider {

  public OpportunityConnectorProvider() {
    super(
        SalesforceConnectorIds.OPPORTUNITY,
        () -> new ActionConnector(SalesforceConnectorIds.OPPORTUNITY, ActionType.OPPORTUNITY));
  }
}
