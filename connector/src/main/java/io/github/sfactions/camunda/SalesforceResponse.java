package io.github.sfactions.camunda;

import org.camunda.connect.spi.ConnectorResponse;

/**
 * The outputs of a Salesforce connector. Every value is storable as a process variable with Java serialization
 * disabled: strings, numbers, booleans, and lists as Spin JSON when the Spin plugin is active (a JSON string
 * otherwise; the {@code ...Json} variants are always strings).
 */
public interface SalesforceResponse extends ConnectorResponse {
}
