package io.github.sfactions.emulator.impl;

/**
 * Parses SOQL into a {@link QueryPlan}; errors are {@link ApiException}s with Salesforce's codes.
 */
@FunctionalInterface
public interface QueryParser {
  QueryPlan parse(String soql);
}
