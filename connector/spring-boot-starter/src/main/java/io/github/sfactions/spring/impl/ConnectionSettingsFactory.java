package io.github.sfactions.spring.impl;

import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.InvalidConnectionSettingsException;
import io.github.sfactions.spring.SalesforceProperties;
import io.github.sfactions.spring.SalesforceProperties.Auth;
import io.github.sfactions.spring.SalesforceProperties.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one {@code sfactions.connections.<name>} entry into {@link ConnectionSettings}: maps the
 * bound Spring properties onto the client's property names and collects the client's problems, each
 * naming the full Spring property. Every rule is the client's ({@link
 * ConnectionSettings#fromProperties(Map, java.util.function.UnaryOperator)}).
 */
public final class ConnectionSettingsFactory {

  /** Client property → Spring property below {@code sfactions.connections.<name>}. */
  public static final Map<String, String> SPRING_NAMES = springNames();

  private ConnectionSettingsFactory() {}

  /**
   * Validates and builds the settings of one connection.
   *
   * @param problems receives one sentence per problem found
   * @return the settings, or empty when a problem was found
   */
  public static Optional<ConnectionSettings> create(
      String name, Connection connection, List<String> problems) {
    try {
      return Optional.of(
          ConnectionSettings.fromProperties(
              properties(connection), key -> property(name, SPRING_NAMES.get(key))));
    } catch (InvalidConnectionSettingsException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  /**
   * The full name of a property of a connection, e.g. {@code
   * sfactions.connections.eu.auth.client-id}.
   */
  public static String property(String connectionName, String relative) {
    return SalesforceProperties.PREFIX + ".connections." + connectionName + "." + relative;
  }

  /** The bound values as the client's text properties (absent values left out). */
  static Map<String, String> properties(Connection c) {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "loginUrl", c.getLoginUrl());
    put(p, "sandbox", c.getSandbox());
    put(p, "allowLocalInstance", c.isAllowLocalInstance());
    put(p, "apiVersion", c.getApiVersion());
    put(p, "connectTimeout", c.getConnectTimeout());
    put(p, "readTimeout", c.getReadTimeout());
    put(p, "keepAlive", c.getKeepAlive());
    put(p, "userAgent", c.getUserAgent());
    put(p, "proxyHost", c.getProxy().getHost());
    put(p, "proxyPort", c.getProxy().getPort());
    if (p.containsKey("proxyHost") || p.containsKey("proxyPort")) {
      put(p, "proxyType", c.getProxy().getType());
    }
    Auth a = c.getAuth();
    put(
        p,
        "authFlow",
        a.getFlow() == null ? null : a.getFlow().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    put(p, "clientId", a.getClientId());
    put(p, "clientSecret", a.getClientSecret());
    put(p, "username", a.getUsername());
    put(p, "password", a.getPassword());
    put(p, "securityToken", a.getSecurityToken());
    put(p, "refreshToken", a.getRefreshToken());
    put(p, "privateKey", a.getPrivateKey());
    put(p, "privateKeyPath", a.getPrivateKeyPath());
    put(p, "audience", a.getAudience());
    return p;
  }

  private static void put(Map<String, String> p, String key, Object value) {
    if (value instanceof Duration d) {
      p.put(key, d.toString());
    } else if (value instanceof Enum<?> e) {
      p.put(key, e.name().toLowerCase(Locale.ROOT));
    } else if (value != null) {
      p.put(key, value.toString());
    }
  }

  private static Map<String, String> springNames() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : ConnectionSettings.PROPERTIES) {
      String kebab = key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      if (ConnectionSettings.AUTH_PROPERTIES.contains(key)) {
        kebab = "auth." + kebab;
      } else if (key.startsWith("proxy")) {
        kebab = "proxy." + kebab.substring("proxy-".length());
      }
      m.put(key, kebab);
    }
    m.put("authFlow", "auth.flow");
    return Map.copyOf(m);
  }
}
