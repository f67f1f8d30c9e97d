package io.github.sfactions.camunda;

import org.camunda.connect.spi.ConnectorRequest;

/**
 * A request to any Salesforce connector: the generic parameter map (filled from the BPMN input parameters) with
 * a fluent way to set parameters when the connector is used from Java.
 *
 * <pre>{@code
 * SalesforceResponse r = Connectors.<SalesforceConnector>getConnector(SalesforceConnectorIds.LEAD)
 *     .createRequest()
 *     .parameter(ActionParameters.OPERATION, "create")
 *     .parameter("LastName", "Doe")
 *     .execute();
 * String id = r.getResponseParameter(ActionParameters.RECORD_ID);
 * }</pre>
 */
public interface SalesforceRequest extends ConnectorRequest<SalesforceResponse> {

  /** Sets one parameter and returns this request. */
  SalesforceRequest parameter(String name, Object value);

  /** Picks the connection by name (parameter {@code connection}). */
  default SalesforceRequest connection(String name) {
    return parameter(ActionParameters.CONNECTION, name);
  }
}
