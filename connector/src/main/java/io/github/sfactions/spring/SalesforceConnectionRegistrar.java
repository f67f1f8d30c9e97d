package io.github.sfactions.spring;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.spring.impl.ConnectionSettingsFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers the connections of {@code sfactions.connections.*} into a {@link SalesforceConnections} registry (the
 * JVM-global one the connectors use) when the application context starts, and removes them when it closes.
 *
 * <p>All connections are validated before any is registered: one invalid connection fails the start with an
 * {@link InvalidSalesforcePropertiesException} listing every problem. On close only the registrations this bean
 * made are removed, and only while they are still in place, so that another application context in the same JVM
 * (tests, several apps in one server) that registered the same name keeps its connection.
 */
public class SalesforceConnectionRegistrar implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnectionRegistrar.class);

  private final SalesforceProperties properties;
  private final SalesforceConnections registry;
  private final Map<String, ConnectionSettings> registered = new LinkedHashMap<>();

  /** A registrar of the given properties into the given registry. */
  public SalesforceConnectionRegistrar(SalesforceProperties properties, SalesforceConnections registry) {
    this.properties = properties;
    this.registry = registry;
  }

  /**
   * Validates every configured connection.
   *
   * @return the settings by connection name
   * @throws InvalidSalesforcePropertiesException naming each invalid property
   */
  public static Map<String, ConnectionSettings> validate(SalesforceProperties properties) {
    List<String> problems = new ArrayList<>();
    Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
    properties.getConnections().forEach((name, connection) -> {
      if (connection == null) {
        problems.add(ConnectionSettingsFactory.property(name, "auth.flow") + " is required");
        return;
      }
      ConnectionSettingsFactory.create(name, connection, problems).ifPresent(s -> settings.put(name, s));
    });
    if (!problems.isEmpty()) {
      throw new InvalidSalesforcePropertiesException(problems);
    }
    return settings;
  }

  @Override
  public synchronized void afterPropertiesSet() {
    Map<String, ConnectionSettings> settings = validate(properties);
    settings.forEach((name, s) -> {
      registry.register(name, s);
      registered.put(name, s);
    });
    if (settings.isEmpty()) {
      LOG.info("No Salesforce connection configured under {}.connections.*", SalesforceProperties.PREFIX);
    } else {
      LOG.info("Salesforce connections registered: {}", settings);
    }
  }

  /** The names of the connections this registrar registered (and still owns). */
  public synchronized Set<String> registeredNames() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(registered.keySet()));
  }

  @Override
  public synchronized void destroy() {
    registered.forEach((name, mine) -> {
      // identity, not equality: another context may have registered equal settings under the same name
      if (registry.settings(name).filter(current -> current == mine).isPresent()) {
        registry.remove(name);
      }
    });
    registered.clear();
  }
}
