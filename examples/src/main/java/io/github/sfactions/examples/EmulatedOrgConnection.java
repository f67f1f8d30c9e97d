package io.github.sfactions.examples;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import org.springframework.beans.factory.DisposableBean;

/** Holds the emulated org's connection registration for the life of the application context. */
public final class EmulatedOrgConnection implements DisposableBean {

  private final SalesforceConnections connections;
  private final String name;
  private final ConnectionSettings settings;

  /** Registers the connection now; {@link #destroy()} removes it if it is still this one. */
  public EmulatedOrgConnection(SalesforceConnections connections, String name, ConnectionSettings settings) {
    this.connections = connections;
    this.name = name;
    this.settings = settings;
    connections.register(name, settings);
  }

  /** The connection name. */
  public String name() {
    return name;
  }

  @Override
  public void destroy() {
    if (connections.settings(name).filter(current -> current == settings).isPresent()) {
      connections.remove(name);
    }
  }
}
