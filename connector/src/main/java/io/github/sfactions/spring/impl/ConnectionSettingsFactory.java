package io.github.sfactions.spring.impl;

import io.github.sfactions.camunda.impl.PemPrivateKeys;
import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.impl.InstanceUrlRules;
import io.github.sfactions.spring.SalesforceProperties;
import io.github.sfactions.spring.SalesforceProperties.Auth;
import io.github.sfactions.spring.SalesforceProperties.AuthFlowType;
import io.github.sfactions.spring.SalesforceProperties.Connection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one {@code sfactions.connections.<name>} entry into validated {@link ConnectionSettings}. Problems are
 * collected, not thrown, so that one start-up failure reports all of them; each names its full property and never
 * echoes a secret value.
 */
public final class ConnectionSettingsFactory {

  private static final Pattern API_VERSION = Pattern.compile("v?([1-9][0-9]*)(\\.0)?");

  /** Auth properties, by kebab-case name, with how to read them. */
  private static final Map<String, Function<Auth, String>> AUTH_PROPERTIES = authProperties();

  private final String name;
  private final Connection connection;
  private final List<String> problems = new ArrayList<>();

  private ConnectionSettingsFactory(String name, Connection connection) {
    this.name = name;
    this.connection = connection;
  }

  /**
   * Validates and builds the settings of one connection.
   *
   * @param problems receives one sentence per problem found
   * @return the settings, or empty when a problem was found
   */
  public static Optional<ConnectionSettings> create(String name, Connection connection, List<String> problems) {
    ConnectionSettingsFactory factory = new ConnectionSettingsFactory(name, connection);
    Optional<ConnectionSettings> settings = factory.build();
    problems.addAll(factory.problems);
    return factory.problems.isEmpty() ? settings : Optional.empty();
  }

  /** The full name of a property of a connection, e.g. {@code sfactions.connections.eu.auth.client-id}. */
  public static String property(String connectionName, String relative) {
    return SalesforceProperties.PREFIX + ".connections." + connectionName + "." + relative;
  }

  private Optional<ConnectionSettings> build() {
    ConnectionSettings.Builder builder = ConnectionSettings.builder()
        .allowLocalInstance(connection.isAllowLocalInstance())
        .userAgent(connection.getUserAgent());
    loginUrl().ifPresent(builder::loginUrl);
    apiVersion().ifPresent(builder::apiVersion);
    positive("connect-timeout", connection.getConnectTimeout()).ifPresent(builder::connectTimeout);
    positive("read-timeout", connection.getReadTimeout()).ifPresent(builder::readTimeout);
    positive("keep-alive", connection.getKeepAlive()).ifPresent(builder::keepAlive);
    proxy().ifPresent(builder::proxy);
    Optional<AuthFlow> auth = authFlow();
    if (!problems.isEmpty() || auth.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(builder.auth(auth.get()).build());
    } catch (IllegalArgumentException | NullPointerException e) {
      // the checks above cover the known rules; this keeps a future client rule from surfacing as a stack trace
      problems.add(prefix() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<String> loginUrl() {
    String url = connection.getLoginUrl();
    Boolean sandbox = connection.getSandbox();
    if (blank(url)) {
      return Optional.of(Boolean.TRUE.equals(sandbox) ? ConnectionSettings.SANDBOX_LOGIN_URL
          : ConnectionSettings.PRODUCTION_LOGIN_URL);
    }
    String normalized;
    try {
      normalized = InstanceUrlRules.normalizeLoginUrl(url.trim(), connection.isAllowLocalInstance());
    } catch (IllegalArgumentException e) {
      boolean local = e.getMessage().contains("local address");
      problems.add(property("login-url") + ": " + e.getMessage()
          + (local ? " (for the local emulator set " + property("allow-local-instance") + "=true)" : ""));
      return Optional.empty();
    }
    if (sandbox != null && sandbox != InstanceUrlRules.isSandboxLoginUrl(normalized)
        && !connection.isAllowLocalInstance()) {
      problems.add(property("sandbox") + "=" + sandbox + " contradicts " + property("login-url") + "=" + normalized
          + ": set only one of them");
    }
    return Optional.of(normalized);
  }

  private Optional<String> apiVersion() {
    String version = connection.getApiVersion();
    if (blank(version)) {
      return Optional.of(ConnectionSettings.DEFAULT_API_VERSION);
    }
    var m = API_VERSION.matcher(version.trim());
    if (!m.matches()) {
      problems.add(property("api-version") + " must look like " + ConnectionSettings.DEFAULT_API_VERSION
          + ", got '" + version + "'");
      return Optional.empty();
    }
    return Optional.of("v" + m.group(1) + ".0");
  }

  private Optional<Duration> positive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(property(key) + " must be a positive duration such as 30s, got " + value);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private Optional<Proxy> proxy() {
    SalesforceProperties.Proxy p = connection.getProxy();
    if (blank(p.getHost()) && p.getPort() == null) {
      return Optional.empty();
    }
    if (blank(p.getHost())) {
      problems.add(property("proxy.host") + " is required when " + property("proxy.port") + " is set");
      return Optional.empty();
    }
    if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65_535) {
      problems.add(property("proxy.port") + " must be a port number 1..65535 when " + property("proxy.host")
          + " is set");
      return Optional.empty();
    }
    Proxy.Type type = p.getType() == SalesforceProperties.ProxyType.SOCKS ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
    // unresolved: the proxy resolves the name when the connection is made, not at start-up
    return Optional.of(new Proxy(type, InetSocketAddress.createUnresolved(p.getHost().trim(), p.getPort())));
  }

  private Optional<AuthFlow> authFlow() {
    Auth auth = connection.getAuth();
    AuthFlowType flow = auth.getFlow();
    if (flow == null) {
      problems.add(property("auth.flow") + " is required: password, refresh-token, client-credentials or jwt-bearer");
      return Optional.empty();
    }
    List<String> required = switch (flow) {
      case PASSWORD -> List.of("client-id", "client-secret", "username", "password");
      case REFRESH_TOKEN -> List.of("client-id", "refresh-token");
      case CLIENT_CREDENTIALS -> List.of("client-id", "client-secret");
      case JWT_BEARER -> List.of("client-id", "username");
    };
    List<String> optional = switch (flow) {
      case PASSWORD -> List.of("security-token");
      case REFRESH_TOKEN -> List.of("client-secret");
      case CLIENT_CREDENTIALS -> List.of();
      case JWT_BEARER -> List.of("private-key", "private-key-path", "audience");
    };
    String flowName = flow.name().toLowerCase(Locale.ROOT).replace('_', '-');
    int before = problems.size();
    for (String key : required) {
      if (blank(AUTH_PROPERTIES.get(key).apply(auth))) {
        problems.add(property("auth." + key) + " is required for the " + flowName + " flow");
      }
    }
    AUTH_PROPERTIES.forEach((key, getter) -> {
      if (!required.contains(key) && !optional.contains(key) && !blank(getter.apply(auth))) {
        problems.add(property("auth." + key) + " is not used by the " + flowName + " flow: remove it or change "
            + property("auth.flow"));
      }
    });
    if (flow == AuthFlowType.CLIENT_CREDENTIALS) {
      requireMyDomain();
    }
    PrivateKey key = flow == AuthFlowType.JWT_BEARER ? privateKey(auth) : null;
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(switch (flow) {
      case PASSWORD -> new PasswordFlow(auth.getClientId(), auth.getClientSecret(), auth.getUsername(),
          auth.getPassword(), auth.getSecurityToken());
      case REFRESH_TOKEN -> new RefreshTokenFlow(auth.getClientId(), emptyToNull(auth.getClientSecret()),
          auth.getRefreshToken());
      case CLIENT_CREDENTIALS -> new ClientCredentialsFlow(auth.getClientId(), auth.getClientSecret());
      case JWT_BEARER -> new JwtBearerFlow(auth.getClientId(), auth.getUsername(), key, auth.getAudience());
    });
  }

  private void requireMyDomain() {
    String url = blank(connection.getLoginUrl()) ? null : connection.getLoginUrl().trim();
    String host = url == null ? "login.salesforce.com" : url.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[:/].*$", "");
    if (host.equalsIgnoreCase("login.salesforce.com") || host.equalsIgnoreCase("test.salesforce.com")) {
      problems.add(property("login-url") + " must be the org's My Domain URL (https://<name>.my.salesforce.com)"
          + " for the client-credentials flow: " + host + " rejects it");
    }
  }

  private PrivateKey privateKey(Auth auth) {
    boolean inline = !blank(auth.getPrivateKey());
    boolean file = !blank(auth.getPrivateKeyPath());
    if (inline == file) {
      problems.add(inline
          ? "Set only one of " + property("auth.private-key") + " and " + property("auth.private-key-path")
          : property("auth.private-key") + " or " + property("auth.private-key-path")
              + " is required for the jwt-bearer flow");
      return null;
    }
    String key = inline ? "auth.private-key" : "auth.private-key-path";
    try {
      String pem = inline ? auth.getPrivateKey() : readPem(auth.getPrivateKeyPath().trim());
      return PemPrivateKeys.parse(pem);
    } catch (IllegalArgumentException e) {
      problems.add(property(key) + ": " + e.getMessage());
      return null;
    }
  }

  private static String readPem(String location) {
    try {
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException("cannot read the file " + location + " (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  private String property(String relative) {
    return property(name, relative);
  }

  private String prefix() {
    return SalesforceProperties.PREFIX + ".connections." + name;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }

  private static Map<String, Function<Auth, String>> authProperties() {
    Map<String, Function<Auth, String>> m = new LinkedHashMap<>();
    m.put("client-id", Auth::getClientId);
    m.put("client-secret", Auth::getClientSecret);
    m.put("username", Auth::getUsername);
    m.put("password", Auth::getPassword);
    m.put("security-token", Auth::getSecurityToken);
    m.put("refresh-token", Auth::getRefreshToken);
    m.put("private-key", Auth::getPrivateKey);
    m.put("private-key-path", Auth::getPrivateKeyPath);
    m.put("audience", Auth::getAudience);
    return m;
  }
}
