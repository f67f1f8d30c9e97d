package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceRequest;
import io.github.sfactions.camunda.SalesforceResponse;
import org.camunda.connect.impl.AbstractConnectorRequest;
import org.camunda.connect.spi.Connector;

/** The parameter map of one connector invocation; one per execution, not shared between threads. */
public class SalesforceRequestImpl extends AbstractConnectorRequest<SalesforceResponse>
    implements SalesforceRequest {

  public SalesforceRequestImpl(Connector<?> connector) {
    super(connector);
  }

  @Override
  public SalesforceRequest parameter(String name, Object value) {
    setRequestParameter(name, value);
    return this;
  }
}
