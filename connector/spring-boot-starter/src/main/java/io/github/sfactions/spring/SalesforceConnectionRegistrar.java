package io.github.sfactions.spring;

import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.spring.impl.ConnectionSettingsFactory;
import io.github.sfactions.spring.impl.SpringLogger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers the connections of {@code sfactions.connections.*} into a {@link SalesforceConnections}
 * registry (the JVM-global one the connectors use) when the application context starts, and removes
 * them when it closes.
 *
 * <p>All connections are validated before any is registered: one invalid connection fails the start
 * with an {@link InvalidSalesforcePropertiesException} listing every problem. On close the registry
 * is left as this bean found it: each of its registrations that is still in place is removed, or
 * replaced again by the connection it had replaced (e.g. one a {@link
 * io.github.sfactions.camunda.SalesforceConnectorPlugin} registered for another engine in the same
 * JVM). A registration someone else made since is left alone.
 */
public class SalesforceConnectionRegistrar implements InitializingBean, DisposableBean {

  private final SalesforceProperties properties;
  private final SalesforceConnections registry;
  private final Map<String, Registration> registered = new LinkedHashMap<>();

  /** A registrar of the given properties into the given registry. */
  public SalesforceConnectionRegistrar(
      SalesforceProperties properties, SalesforceConnections registry) {
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
    Map<String, ConnectionSettings> settings = settings(properties, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSalesforcePropertiesException(problems);
    }
    return settings;
  }

  /**
   * The problems {@link #validate} would report, without throwing: for an application that checks
   * all its settings before it starts, to report them together.
   *
   * @return one sentence per problem, each naming its property; empty when every connection is
   *     usable
   */
  public static List<String> problems(SalesforceProperties properties) {
    List<String> problems = new ArrayList<>();
    settings(properties, problems);
    return problems;
  }

  private static Map<String, ConnectionSettings> settings(
      SalesforceProperties properties, List<String> problems) {
    Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
    properties
        .getConnections()
        .forEach(
            (name, connection) -> {
              // a connection named without properties gets the client's rules like any other
              // ("auth.flow is required")
              SalesforceProperties.Connection given =
                  connection == null ? new SalesforceProperties.Connection() : connection;
              ConnectionSettingsFactory.create(name, given, problems)
                  .ifPresent(s -> settings.put(name, s));
            });
    return settings;
  }

  @Override
  public synchronized void afterPropertiesSet() {
    Map<String, ConnectionSettings> settings = validate(properties);
    settings.forEach(
        (name, s) -> {
          registered.put(name, new Registration(s, registry.settings(name).orElse(null)));
          registry.register(name, s);
        });
    if (settings.isEmpty()) {
      SpringLogger.noConnections(SalesforceProperties.PREFIX);
      return;
    }
    SpringLogger.connectionsRegistered(settings);
    if (!registry.contains(SalesforceConnections.DEFAULT_CONNECTION)) {
      SpringLogger.noDefaultConnection(
          SalesforceConnections.DEFAULT_CONNECTION, ActionParameters.CONNECTION);
    }
  }

  /** The names of the connections this registrar registered (and still owns). */
  public synchronized Set<String> registeredNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(registered.keySet()));
  }

  @Override
  public synchronized void destroy() {
    registered.forEach(
        (name, registration) -> {
          // identity, not equality: another context may have registered equal settings under the
          // same name
          if (registry.settings(name).filter(current -> current == registration.mine()).isEmpty()) {
            return;
          }
          if (registration.replaced() == null) {
            registry.remove(name);
          } else {
            registry.register(name, registration.replaced());
          }
        });
    registered.clear();
  }

  /** What this registrar put under a name, and what was there before. */
  private record Registration(ConnectionSettings mine, ConnectionSettings replaced) {}
}
