package io.github.sfactions.examples;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Holds the emulated org's connection registration for the life of the application context.
 *
 * <p>It is a process engine plugin so that the engine, which is built from all plugin beans, starts
 * after the connection is registered and stops before it is removed: no job runs without it. On
 * close the registry is left as it was found (the connection this one replaced, if any, is put
 * back), so other application contexts in the same JVM keep theirs.
 */
public final class EmulatedOrgConnection implements ProcessEnginePlugin, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmulatedOrgConnection.class);

  private final SalesforceConnections connections;
  private final String name;
  private final ConnectionSettings settings;
  private final Optional<ConnectionSettings> replaced;

  /** Registers the connection now; {@link #destroy()} undoes it if it is still this one. */
  public EmulatedOrgConnection(
      SalesforceConnections connections, String name, ConnectionSettings settings) {
    this.connections = connections;
    this.name = name;
    this.settings = settings;
    this.replaced = connections.settings(name);
    connections.register(name, settings);
  }

  /** The connection name. */
  public String name() {
    return name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LOG.info("Salesforce connection '{}' is the emulated org at {}", name, settings.loginUrl());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // registered before the engine was built
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // registered before the engine was built
  }

  @Override
  public void destroy() {
    if (connections.settings(name).filter(current -> current == settings).isEmpty()) {
      return; // someone registered another connection under this name since: theirs now
    }
    if (replaced.isPresent()) {
      connections.register(name, replaced.get());
    } else {
      connections.remove(name);
    }
  }
}
