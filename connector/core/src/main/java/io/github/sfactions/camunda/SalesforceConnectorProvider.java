package io.github.sfactions.camunda;

import org.camunda.connect.spi.ConnectorProvider;

/**
 * Marker for the providers of the Salesforce connectors (one per connector id, found by
 * ServiceLoader).
 */
public interface SalesforceConnectorProvider extends ConnectorProvider {}
