package io.github.sfactions.camunda.impl;

import io.github.sfactions.camunda.SalesforceResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.connect.impl.AbstractConnectorResponse;

/** Outputs computed by the connector, handed to the engine as response parameters. */
public class SalesforceResponseImpl extends AbstractConnectorResponse implements SalesforceResponse {

  private final Map<String, Object> outputs;

  public SalesforceResponseImpl(Map<String, Object> outputs) {
    this.outputs = new LinkedHashMap<>(outputs);
  }

  @Override
  protected void collectResponseParameters(Map<String, Object> responseParameters) {
    responseParameters.putAll(outputs);
  }
}
