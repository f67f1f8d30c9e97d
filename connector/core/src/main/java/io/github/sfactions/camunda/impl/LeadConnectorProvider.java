package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#LEAD}. */
public class LeadConnectorProvider extends AbstractSalesforceConnectorProvider {

  public LeadConnectorProvider() {
    super(
        SalesforceConnectorIds.LEAD,
        () -> new ActionConnector(SalesforceConnectorIds.LEAD, ActionType.LEAD));
  }
}
