package io.github.sfactions.camunda.impl;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns flat {@code <connection>.<property>=value} settings into {@link ConnectionSettings} per connection.
 *
 * <p>Properties: {@code loginUrl}, {@code sandbox}, {@code authFlow} ({@code password}, {@code refreshToken},
 * {@code clientCredentials}, {@code jwtBearer}; inferred when absent), {@code clientId}, {@code clientSecret},
 * {@code username}, {@code password}, {@code securityToken}, {@code refreshToken}, {@code privateKeyPath} or
 * {@code privateKey} (PEM PKCS#8), {@code audience}, {@code apiVersion}, {@code allowLocalInstance},
 * {@code connectTimeout}, {@code readTimeout}, {@code keepAlive} (ISO-8601 such as {@code PT10S}, or milliseconds),
 * {@code userAgent}.
 * A value may be or contain {@code ${env:NAME}} (environment variable) or {@code ${sys:name}} (system property),
 * so secrets need not be written into XML.
 */
public final class ConnectionProperties {

  /** Every property a connection understands. */
  public static final Set<String> KNOWN = Set.of("loginUrl", "sandbox", "authFlow", "clientId", "clientSecret",
      "username", "password", "securityToken", "refreshToken", "privateKeyPath", "privateKey", "audience",
      "apiVersion", "allowLocalInstance", "connectTimeout", "readTimeout", "keepAlive", "userAgent");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|sys):([^}]+)}");

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> systemProperties;

  /** Resolves references against the real environment and system properties. */
  public ConnectionProperties() {
    this(System::getenv, System::getProperty);
  }

  /** Resolves references with the given lookups (tests). */
  public ConnectionProperties(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
    this.environment = environment;
    this.systemProperties = systemProperties;
  }

  /**
   * Parses {@code name.property=value} lines (blank lines and lines starting with {@code #} are skipped).
   *
   * @return connection name → property → raw value, in order
   */
  public static Map<String, Map<String, String>> parseLines(String text) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (text == null) {
      return group(flat);
    }
    for (String raw : text.split("\\R")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        // the line is not echoed: it may be a secret that lost its key
        throw new IllegalArgumentException("Connection property lines must look like name.property=value (a line"
            + " without '=' was found)");
      }
      flat.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
    }
    return group(flat);
  }

  /** Groups flat {@code name.property} keys by connection name. */
  public static Map<String, Map<String, String>> group(Map<String, String> flat) {
    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
    flat.forEach((key, value) -> {
      int dot = key.indexOf('.');
      if (dot <= 0 || dot == key.length() - 1) {
        throw new IllegalArgumentException("Connection property '" + key
            + "' must be <connection>.<property>, e.g. default.loginUrl");
      }
      byName.computeIfAbsent(key.substring(0, dot), n -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
    });
    return byName;
  }

  /**
   * Builds the settings of one connection.
   *
   * @throws IllegalArgumentException naming the connection and property (never a secret value)
   */
  public ConnectionSettings toSettings(String name, Map<String, String> properties) {
    Map<String, String> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    properties.forEach((k, v) -> {
      if (KNOWN.stream().noneMatch(known -> known.equalsIgnoreCase(k))) {
        throw new IllegalArgumentException("Unknown property '" + k + "' for Salesforce connection '" + name
            + "' (known: " + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
      }
      p.put(k, resolve(name, k, v));
    });
    try {
      ConnectionSettings.Builder b = ConnectionSettings.builder();
      if (has(p, "sandbox")) {
        b.sandbox(bool(p, "sandbox"));
      }
      if (has(p, "loginUrl")) {
        b.loginUrl(p.get("loginUrl"));
      }
      if (has(p, "apiVersion")) {
        b.apiVersion(p.get("apiVersion"));
      }
      if (has(p, "allowLocalInstance")) {
        b.allowLocalInstance(bool(p, "allowLocalInstance"));
      }
      if (has(p, "connectTimeout")) {
        b.connectTimeout(duration(p, "connectTimeout"));
      }
      if (has(p, "readTimeout")) {
        b.readTimeout(duration(p, "readTimeout"));
      }
      if (has(p, "keepAlive")) {
        b.keepAlive(duration(p, "keepAlive"));
      }
      if (has(p, "userAgent")) {
        b.userAgent(p.get("userAgent"));
      }
      return b.auth(authFlow(p)).build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Salesforce connection '" + name + "': " + e.getMessage(), e);
    }
  }

  private AuthFlow authFlow(Map<String, String> p) {
    String flow = has(p, "authFlow") ? p.get("authFlow").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT)
        : inferFlow(p);
    return switch (flow) {
      case "password", "usernamepassword" -> new PasswordFlow(p.get("clientId"), p.get("clientSecret"),
          p.get("username"), p.get("password"), p.get("securityToken"));
      case "refreshtoken" -> new RefreshTokenFlow(p.get("clientId"), p.get("clientSecret"), p.get("refreshToken"));
      case "clientcredentials" -> new ClientCredentialsFlow(p.get("clientId"), p.get("clientSecret"));
      case "jwtbearer", "jwt" -> new JwtBearerFlow(p.get("clientId"), p.get("username"), privateKey(p),
          p.get("audience"));
      default -> throw new IllegalArgumentException("Unknown authFlow '" + p.get("authFlow")
          + "' (use password, refreshToken, clientCredentials or jwtBearer)");
    };
  }

  private static String inferFlow(Map<String, String> p) {
    if (has(p, "privateKeyPath") || has(p, "privateKey")) {
      return "jwtbearer";
    }
    if (has(p, "refreshToken")) {
      return "refreshtoken";
    }
    if (has(p, "username") && has(p, "password")) {
      return "password";
    }
    return "clientcredentials";
  }

  private static java.security.PrivateKey privateKey(Map<String, String> p) {
    if (has(p, "privateKey")) {
      return PemPrivateKeys.parse(p.get("privateKey"));
    }
    if (!has(p, "privateKeyPath")) {
      throw new IllegalArgumentException("The JWT bearer flow needs privateKeyPath or privateKey");
    }
    Path path = Path.of(p.get("privateKeyPath"));
    try {
      return PemPrivateKeys.parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read privateKeyPath " + path + ": " + e.getMessage());
    }
  }

  private String resolve(String name, String property, String value) {
    if (value == null) {
      return null;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(2).trim();
      String found = "env".equals(m.group(1)) ? environment.apply(key) : systemProperties.apply(key);
      if (found == null) {
        throw new IllegalArgumentException("Salesforce connection '" + name + "': property " + property
            + " refers to " + m.group(0) + ", which is not set");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(found));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static boolean has(Map<String, String> p, String key) {
    String v = p.get(key);
    return v != null && !v.isBlank();
  }

  private static boolean bool(Map<String, String> p, String key) {
    String v = p.get(key).trim();
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(key + " must be true or false");
    }
    return Boolean.parseBoolean(v);
  }

  private static Duration duration(Map<String, String> p, String key) {
    String v = p.get(key).trim();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return Duration.ofMillis(Long.parseLong(v));
      }
      return Duration.parse(v);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be milliseconds or an ISO-8601 duration such as PT30S");
    }
  }
}
