package io.github.sfactions.client.impl;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.InvalidConnectionSettingsException;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every rule that turns connection properties into {@link ConnectionSettings}, for {@link
 * ConnectionSettings#fromProperties(Map, UnaryOperator)}. Problems are collected, not thrown one by
 * one, so a start-up failure reports all of them.
 */
public final class ConnectionPropertyRules {

  private static final Pattern API_VERSION = Pattern.compile("v?([1-9][0-9]*)(\\.0)?");
  private static final String FLOWS = "password, refresh-token, client-credentials or jwt-bearer";

  private final Map<String, String> p;
  private final UnaryOperator<String> name;
  private final List<String> problems = new ArrayList<>();

  private ConnectionPropertyRules(
      Map<String, String> properties, UnaryOperator<String> propertyName) {
    this.p = properties;
    this.name = propertyName;
  }

  /** The settings, or an {@link InvalidConnectionSettingsException} listing every problem. */
  public static ConnectionSettings apply(
      Map<String, String> properties, UnaryOperator<String> propertyName) {
    for (String key : properties.keySet()) {
      if (!ConnectionSettings.PROPERTIES.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown connection property '"
                + key
                + "' (known: "
                + String.join(", ", ConnectionSettings.PROPERTIES)
                + ")");
      }
    }
    ConnectionPropertyRules rules = new ConnectionPropertyRules(properties, propertyName);
    ConnectionSettings settings = rules.build();
    if (!rules.problems.isEmpty()) {
      throw new InvalidConnectionSettingsException(rules.problems);
    }
    return settings;
  }

  private ConnectionSettings build() {
    boolean allowLocal = bool("allowLocalInstance").orElse(false);
    ConnectionSettings.Builder builder =
        ConnectionSettings.builder().allowLocalInstance(allowLocal).userAgent(value("userAgent"));
    loginUrl(allowLocal).ifPresent(builder::loginUrl);
    apiVersion().ifPresent(builder::apiVersion);
    duration("connectTimeout").ifPresent(builder::connectTimeout);
    duration("readTimeout").ifPresent(builder::readTimeout);
    duration("keepAlive").ifPresent(builder::keepAlive);
    proxy().ifPresent(builder::proxy);
    Optional<AuthFlow> auth = authFlow();
    if (!problems.isEmpty() || auth.isEmpty()) {
      return null;
    }
    try {
      return builder.auth(auth.get()).build();
    } catch (IllegalArgumentException | NullPointerException e) {
      // the checks above cover the known rules; this keeps a later builder rule from surfacing
      // unexplained
      problems.add(e.getMessage());
      return null;
    }
  }

  private Optional<String> loginUrl(boolean allowLocal) {
    Optional<Boolean> sandbox = bool("sandbox");
    String url = value("loginUrl");
    if (url == null) {
      return Optional.of(
          sandbox.orElse(false)
              ? ConnectionSettings.SANDBOX_LOGIN_URL
              : ConnectionSettings.PRODUCTION_LOGIN_URL);
    }
    String normalized;
    try {
      normalized = InstanceUrlRules.normalizeLoginUrl(url, allowLocal);
    } catch (IllegalArgumentException e) {
      boolean local = e.getMessage().contains("local address");
      problems.add(
          name.apply("loginUrl")
              + ": "
              + e.getMessage()
              + (local
                  ? " (for the local emulator set " + name.apply("allowLocalInstance") + "=true)"
                  : ""));
      return Optional.empty();
    }
    if (sandbox.isPresent()
        && sandbox.get() != InstanceUrlRules.isSandboxLoginUrl(normalized)
        && !allowLocal) {
      problems.add(
          name.apply("sandbox")
              + "="
              + sandbox.get()
              + " contradicts "
              + name.apply("loginUrl")
              + "="
              + normalized
              + ": set only one of them");
    }
    return Optional.of(normalized);
  }

  private Optional<String> apiVersion() {
    String version = value("apiVersion");
    if (version == null) {
      return Optional.of(ConnectionSettings.DEFAULT_API_VERSION);
    }
    Matcher m = API_VERSION.matcher(version);
    if (!m.matches()) {
      problems.add(
          name.apply("apiVersion")
              + " must look like "
              + ConnectionSettings.DEFAULT_API_VERSION
              + ", got '"
              + version
              + "'");
      return Optional.empty();
    }
    return Optional.of("v" + m.group(1) + ".0");
  }

  private Optional<Duration> duration(String key) {
    String v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    Duration d;
    try {
      d =
          v.chars().allMatch(Character::isDigit)
              ? Duration.ofMillis(Long.parseLong(v))
              : Duration.parse(v);
    } catch (NumberFormatException | DateTimeParseException e) {
      problems.add(
          name.apply(key)
              + " must be milliseconds or an ISO-8601 duration such as PT30S, got '"
              + v
              + "'");
      return Optional.empty();
    }
    if (d.isZero() || d.isNegative()) {
      problems.add(name.apply(key) + " must be a positive duration such as PT30S, got " + d);
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private Optional<Proxy> proxy() {
    String host = value("proxyHost");
    String port = value("proxyPort");
    String type = value("proxyType");
    if (host == null && port == null) {
      return Optional.empty();
    }
    if (host == null) {
      problems.add(
          name.apply("proxyHost") + " is required when " + name.apply("proxyPort") + " is set");
      return Optional.empty();
    }
    int number = -1;
    try {
      number = port == null ? -1 : Integer.parseInt(port);
    } catch (NumberFormatException e) {
      // reported below
    }
    if (number < 1 || number > 65_535) {
      problems.add(
          name.apply("proxyPort")
              + " must be a port number 1..65535 when "
              + name.apply("proxyHost")
              + " is set");
      return Optional.empty();
    }
    Proxy.Type proxyType;
    if (type == null || type.equalsIgnoreCase("http")) {
      proxyType = Proxy.Type.HTTP;
    } else if (type.equalsIgnoreCase("socks")) {
      proxyType = Proxy.Type.SOCKS;
    } else {
      problems.add(name.apply("proxyType") + " must be http or socks, got '" + type + "'");
      return Optional.empty();
    }
    // unresolved: the proxy resolves the name when the connection is made, not at start-up
    return Optional.of(new Proxy(proxyType, InetSocketAddress.createUnresolved(host, number)));
  }

  private Optional<AuthFlow> authFlow() {
    String flow = flowName();
    if (flow == null) {
      return Optional.empty();
    }
    List<String> required =
        switch (flow) {
          case "password" -> List.of("clientId", "clientSecret", "username", "password");
          case "refresh-token" -> List.of("clientId", "refreshToken");
          case "client-credentials" -> List.of("clientId", "clientSecret");
          default -> List.of("clientId", "username");
        };
    List<String> optional =
        switch (flow) {
          case "password" -> List.of("securityToken");
          case "refresh-token" -> List.of("clientSecret");
          case "client-credentials" -> List.of();
          default -> List.of("privateKey", "privateKeyPath", "audience");
        };
    int before = problems.size();
    for (String key : required) {
      if (value(key) == null) {
        problems.add(name.apply(key) + " is required for the " + flow + " flow");
      }
    }
    for (String key : ConnectionSettings.AUTH_PROPERTIES) {
      if (!required.contains(key) && !optional.contains(key) && value(key) != null) {
        problems.add(
            name.apply(key)
                + " is not used by the "
                + flow
                + " flow: remove it or change "
                + name.apply("authFlow"));
      }
    }
    if (flow.equals("client-credentials")) {
      requireMyDomain();
    }
    PrivateKey key = flow.equals("jwt-bearer") ? privateKey() : null;
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        switch (flow) {
          case "password" ->
              new PasswordFlow(
                  value("clientId"),
                  value("clientSecret"),
                  value("username"),
                  value("password"),
                  value("securityToken"));
          case "refresh-token" ->
              new RefreshTokenFlow(value("clientId"), value("clientSecret"), value("refreshToken"));
          case "client-credentials" ->
              new ClientCredentialsFlow(value("clientId"), value("clientSecret"));
          default ->
              new JwtBearerFlow(value("clientId"), value("username"), key, value("audience"));
        });
  }

  /** The flow named by {@code authFlow} in any spelling, or inferred from the credentials given. */
  private String flowName() {
    String given = value("authFlow");
    if (given == null) {
      if (value("privateKey") != null || value("privateKeyPath") != null) {
        return "jwt-bearer";
      }
      if (value("refreshToken") != null) {
        return "refresh-token";
      }
      if (value("username") != null && value("password") != null) {
        return "password";
      }
      if (value("clientId") != null || value("clientSecret") != null) {
        return "client-credentials";
      }
      problems.add(name.apply("authFlow") + " is required: " + FLOWS);
      return null;
    }
    return switch (given.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT)) {
      case "password", "usernamepassword" -> "password";
      case "refreshtoken" -> "refresh-token";
      case "clientcredentials" -> "client-credentials";
      case "jwtbearer", "jwt" -> "jwt-bearer";
      default -> {
        problems.add("Unknown " + name.apply("authFlow") + " '" + given + "' (use " + FLOWS + ")");
        yield null;
      }
    };
  }

  private void requireMyDomain() {
    String url = value("loginUrl");
    String host =
        url == null
            ? "login.salesforce.com"
            : url.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[:/].*$", "");
    if (host.equalsIgnoreCase("login.salesforce.com")
        || host.equalsIgnoreCase("test.salesforce.com")) {
      problems.add(
          name.apply("loginUrl")
              + " must be the org's My Domain URL (https://<name>.my.salesforce.com)"
              + " for the client-credentials flow: "
              + host
              + " rejects it");
    }
  }

  private PrivateKey privateKey() {
    boolean inline = value("privateKey") != null;
    boolean file = value("privateKeyPath") != null;
    if (inline == file) {
      problems.add(
          inline
              ? "Set only one of "
                  + name.apply("privateKey")
                  + " and "
                  + name.apply("privateKeyPath")
              : name.apply("privateKey")
                  + " or "
                  + name.apply("privateKeyPath")
                  + " is required for the jwt-bearer flow");
      return null;
    }
    String key = inline ? "privateKey" : "privateKeyPath";
    try {
      return PemPrivateKeys.parse(inline ? p.get("privateKey") : readPem(value("privateKeyPath")));
    } catch (IllegalArgumentException e) {
      problems.add(name.apply(key) + ": " + e.getMessage());
      return null;
    }
  }

  private static String readPem(String location) {
    try {
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException(
          "cannot read the file " + location + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Optional<Boolean> bool(String key) {
    String v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      problems.add(name.apply(key) + " must be true or false, got '" + v + "'");
      return Optional.empty();
    }
    return Optional.of(Boolean.parseBoolean(v));
  }

  /**
   * The value, trimmed unless it is a credential (a password may end in a space); null when absent
   * or blank.
   */
  private String value(String key) {
    String v = p.get(key);
    if (v == null || v.isBlank()) {
      return null;
    }
    return ConnectionSettings.AUTH_PROPERTIES.contains(key) ? v : v.trim();
  }
}
