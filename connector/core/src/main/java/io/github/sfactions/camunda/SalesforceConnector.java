package io.github.sfactions.camunda;

import org.camunda.connect.spi.Connector;

/**
 * Any Salesforce connector. Instances are shared and thread-safe; they take their client from
 * {@link SalesforceConnections#global()} at each execution, by the {@code connection} input.
 */
public interface SalesforceConnector extends Connector<SalesforceRequest> {}
