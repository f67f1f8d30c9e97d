package io.github.sfactions.spring.impl;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ApiUsage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest known daily API usage of each connection, from two sources: the {@code
 * Sforce-Limit-Info} header of the connectors' own calls ({@code SalesforceClient.lastApiUsage()})
 * and the health check's {@code /limits} answer. Whichever changed last wins.
 */
public final class ApiUsageTracker {

  private final SalesforceConnections connections;
  private final Map<String, ApiUsage> latest = new ConcurrentHashMap<>();
  private final Map<String, ApiUsage> lastSeenFromClient = new ConcurrentHashMap<>();

  /** A tracker over the clients of this registry. */
  public ApiUsageTracker(SalesforceConnections connections) {
    this.connections = connections;
  }

  /** Records usage read from the {@code /limits} resource. */
  public void report(String connection, ApiUsage usage) {
    latest.put(connection, usage);
  }

  /** The latest usage of a connection; empty when nothing is known or the connection is gone. */
  public Optional<ApiUsage> usage(String connection) {
    if (!connections.contains(connection)) {
      latest.remove(connection);
      lastSeenFromClient.remove(connection);
      return Optional.empty();
    }
    connections
        .client(connection)
        .lastApiUsage()
        .ifPresent(
            fromClient -> {
              // the client's value has no time stamp: a value not seen before is newer than any
              // older sample
              if (!fromClient.equals(lastSeenFromClient.put(connection, fromClient))) {
                report(connection, fromClient);
              }
            });
    return Optional.ofNullable(latest.get(connection));
  }
}
