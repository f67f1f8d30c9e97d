package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceConnectorProvider;
import java.util.function.Supplier;
import org.camunda.connect.spi.Connector;

/**
 * Provides one connector id; the connector instance is stateless apart from interceptors, so one is
 * enough.
 */
public abstract class AbstractSalesforceConnectorProvider implements SalesforceConnectorProvider {

  private final String connectorId;
  private final Supplier<? extends Connector<?>> factory;

  protected AbstractSalesforceConnectorProvider(
      String connectorId, Supplier<? extends Connector<?>> factory) {
    this.connectorId = connectorId;
    this.factory = factory;
  }

  @Override
  public String getConnectorId() {
    return connectorId;
  }

  @Override
  public Connector<?> createConnectorInstance() {
    return factory.get();
  }
}
