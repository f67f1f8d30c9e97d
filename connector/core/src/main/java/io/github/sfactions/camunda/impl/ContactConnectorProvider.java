package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.camunda.SalesforceConnectorIds;

/** Provides {@link SalesforceConnectorIds#CONTACT}. */
public class ContactConnectorProvider extends AbstractSalesforceConnectorProvider {

  public ContactConnectorProvider() {
    super(
        SalesforceConnectorIds.CONTACT,
        () -> new ActionConnector(SalesforceConnectorIds.CONTACT, ActionType.CONTACT));
  }
}
