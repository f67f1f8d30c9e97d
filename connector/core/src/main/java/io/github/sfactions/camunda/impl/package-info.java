/**
 * Connector implementations, their providers (registered in META-INF/services) and
 * input/output/error mapping.
 */
package io.github.sfactions.camunda.impl;
