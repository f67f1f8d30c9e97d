/**
 * Optional Spring Boot auto-configuration of the Salesforce connectors.
 *
 * <ul>
 *   <li>{@link io.github.sfactions.spring.SalesforceProperties} ({@code sfactions.*}): named
 *       connections, each validated at start-up and registered into {@link
 *       io.github.sfactions.camunda.SalesforceConnections#global()} by {@link
 *       io.github.sfactions.spring.SalesforceConnectionRegistrar} (removed again when the context
 *       closes).
 *   <li>{@link io.github.sfactions.spring.SalesforceEngineDefaultsPlugin}: {@code
 *       enableExceptionsAfterUnhandledBpmnError} on by default, the user's setting wins.
 *   <li>{@link io.github.sfactions.spring.SalesforceHealthIndicator} ({@code salesforce}) and
 *       {@link io.github.sfactions.spring.SalesforceMetrics} (Micrometer).
 * </ul>
 *
 * <p>Every Spring, Actuator, Micrometer and Camunda-starter dependency is optional: each
 * auto-configuration is guarded by {@code @ConditionalOnClass}, and plain Camunda users configure
 * connections with {@link io.github.sfactions.camunda.SalesforceConnectorPlugin} instead.
 */
package io.github.sfactions.spring;
