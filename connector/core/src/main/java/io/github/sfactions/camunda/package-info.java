/**
 * Camunda Connect connectors for the Salesforce actions: connector ids ({@link
 * io.github.sfactions.camunda.SalesforceConnectorIds}), parameter names, BPMN error codes, the
 * connection registry ({@link io.github.sfactions.camunda.SalesforceConnections}), the engine
 * plugin that fills it without Spring ({@link
 * io.github.sfactions.camunda.SalesforceConnectorPlugin}) and the {@link
 * io.github.sfactions.camunda.BulkQueue} SPI for batched deliveries. Implementations live in {@code
 * .impl}.
 */
package io.github.sfactions.camunda;
