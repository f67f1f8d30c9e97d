package io.github.sfactions.camunda.impl;

import io.github.sfactions.client.ConnectionSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns flat {@code <connection>.<property>=value} settings into {@link ConnectionSettings} per
 * connection.
 *
 * <p>Properties: those of {@link ConnectionSettings#fromProperties(Map, UnaryOperator)} ({@code
 * loginUrl}, {@code sandbox}, {@code authFlow}, {@code clientId}, ... {@code proxyHost}, {@code
 * proxyPort}), in any case. This class only maps keys and resolves references; the rules are the
 * client's. A value may be or contain {@code ${env:NAME}} (environment variable) or {@code
 * ${sys:name}} (system property), so secrets need not be written into XML.
 */
public final class ConnectionProperties {

  /** Every property a connection understands: the client's, spelled as they are. */
  public static final List<String> KNOWN = ConnectionSettings.PROPERTIES;

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|sys):([^}]+)}");

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> systemProperties;

  /** Resolves references against the real environment and system properties. */
  public ConnectionProperties() {
    this(System::getenv, System::getProperty);
  }

  /** Resolves references with the given lookups (tests). */
  public ConnectionProperties(
      UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
    this.environment = environment;
    this.systemProperties = systemProperties;
  }

  /**
   * Parses {@code name.property=value} lines (blank lines and lines starting with {@code #} are
   * skipped).
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
        throw new IllegalArgumentException(
            "Connection property lines must look like name.property=value (a line"
                + " without '=' was found)");
      }
      flat.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
    }
    return group(flat);
  }

  /** Groups flat {@code name.property} keys by connection name. */
  public static Map<String, Map<String, String>> group(Map<String, String> flat) {
    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
    flat.forEach(
        (key, value) -> {
          int dot = key.indexOf('.');
          if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException(
                "Connection property '"
                    + key
                    + "' must be <connection>.<property>, e.g. default.loginUrl");
          }
          byName
              .computeIfAbsent(key.substring(0, dot), n -> new LinkedHashMap<>())
              .put(key.substring(dot + 1), value);
        });
    return byName;
  }

  /**
   * Builds the settings of one connection: maps the keys (any case) onto the client's properties
   * and resolves references; every rule is the client's ({@link
   * ConnectionSettings#fromProperties(Map, UnaryOperator)}).
   *
   * @throws IllegalArgumentException naming the connection and property (never a secret value)
   */
  public ConnectionSettings toSettings(String name, Map<String, String> properties) {
    Map<String, String> p = new LinkedHashMap<>();
    properties.forEach(
        (k, v) -> {
          String known =
              KNOWN.stream()
                  .filter(key -> key.equalsIgnoreCase(k))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "Unknown property '"
                                  + k
                                  + "' for Salesforce connection '"
                                  + name
                                  + "' (known: "
                                  + String.join(", ", new TreeSet<>(KNOWN))
                                  + ")"));
          p.put(known, resolve(name, k, v));
        });
    try {
      return ConnectionSettings.fromProperties(p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Salesforce connection '" + name + "': " + e.getMessage(), e);
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
      String found =
          "env".equals(m.group(1)) ? environment.apply(key) : systemProperties.apply(key);
      if (found == null) {
        throw new IllegalArgumentException(
            "Salesforce connection '"
                + name
                + "': property "
                + property
                + " refers to "
                + m.group(0)
                + ", which is not set");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(found));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
