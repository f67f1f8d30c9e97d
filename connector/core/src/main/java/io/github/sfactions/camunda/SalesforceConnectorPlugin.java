package io.github.sfactions.camunda;

import io.github.sfactions.camunda.impl.ConnectionProperties;
import io.github.sfactions.client.ConnectionSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * Configures the Salesforce connections of {@link SalesforceConnections#global()} from process
 * engine plugin properties, without Spring: in {@code bpm-platform.xml}, {@code processes.xml} or
 * {@code camunda.cfg.xml}.
 *
 * <pre>{@code
 * <plugin>
 *   <class>io.github.sfactions.camunda.SalesforceConnectorPlugin</class>
 *   <properties>
 *     <property name="loginUrl">https://login.salesforce.com</property>
 *     <property name="clientId">${env:SF_CLIENT_ID}</property>
 *     <property name="clientSecret">${env:SF_CLIENT_SECRET}</property>
 *     <property name="connections">
 *       eu.loginUrl=https://acme-eu.my.salesforce.com
 *       eu.authFlow=jwtBearer
 *       eu.clientId=${env:SF_EU_CLIENT_ID}
 *       eu.username=integration@acme.eu
 *       eu.privateKeyPath=/etc/sfactions/eu.pem
 *     </property>
 *   </properties>
 * </plugin>
 * }</pre>
 *
 * <p>The single-valued properties ({@code loginUrl}, {@code authFlow}, {@code clientId}, ...)
 * configure the {@value SalesforceConnections#DEFAULT_CONNECTION} connection; {@code connections}
 * holds {@code name.property=value} lines for any connection (including {@code default.*}). From
 * Spring XML ({@code camunda.cfg.xml}) the map property {@code properties} with keys such as {@code
 * default.loginUrl} works too. Values may reference {@code ${env:NAME}} or {@code ${sys:name}}.
 * Property names are listed in {@link ConnectionProperties#KNOWN}. Invalid settings fail the engine
 * start with a message naming the connection and property, never a secret.
 *
 * <p>The plugin also installs the failed-job handling of the Salesforce connectors: a failure that
 * a retry cannot fix ({@link SalesforceConnectorException#retryable()} false, e.g. a rejected
 * record or input, bad credentials) gets retries 0 and an incident at once; a retryable one keeps
 * the configured retry cycle. Each failed attempt logs one WARN line on {@code
 * io.github.sfactions.camunda.JobFailures} instead of the engine's stack traces. The engine's
 * failed-job command factory (default or another plugin's) is wrapped, not replaced.
 *
 * <p>And it puts {@link RecordLocks} in force: concurrent actions on one record take turns through
 * the engine's database and write in arrival order. {@code recordLocks=false} switches that off,
 * {@code recordLockRetention} (ISO-8601, default {@code P1D}) sets how long the arrival order of
 * written fields is kept.
 */
public class SalesforceConnectorPlugin implements ProcessEnginePlugin {

  private final Map<String, String> defaultConnection = new LinkedHashMap<>();
  private final Map<String, String> flat = new LinkedHashMap<>();
  private String connections;
  private SalesforceConnections registry = SalesforceConnections.global();
  private ConnectionProperties parser = new ConnectionProperties();
  private boolean recordLocks = true;
  private Duration recordLockRetention = RecordLocks.DEFAULT_RETENTION;

  /** {@code name.property=value} lines (one per line; {@code #} comments allowed). */
  public void setConnections(String connections) {
    this.connections = connections;
  }

  /** Flat {@code name.property} → value entries (from Spring XML maps or code). */
  public void setProperties(Map<String, String> properties) {
    flat.putAll(properties);
  }

  public void setLoginUrl(String value) {
    defaultConnection.put("loginUrl", value);
  }

  public void setSandbox(String value) {
    defaultConnection.put("sandbox", value);
  }

  public void setAuthFlow(String value) {
    defaultConnection.put("authFlow", value);
  }

  public void setClientId(String value) {
    defaultConnection.put("clientId", value);
  }

  public void setClientSecret(String value) {
    defaultConnection.put("clientSecret", value);
  }

  public void setUsername(String value) {
    defaultConnection.put("username", value);
  }

  public void setPassword(String value) {
    defaultConnection.put("password", value);
  }

  public void setSecurityToken(String value) {
    defaultConnection.put("securityToken", value);
  }

  public void setRefreshToken(String value) {
    defaultConnection.put("refreshToken", value);
  }

  public void setPrivateKeyPath(String value) {
    defaultConnection.put("privateKeyPath", value);
  }

  public void setPrivateKey(String value) {
    defaultConnection.put("privateKey", value);
  }

  public void setAudience(String value) {
    defaultConnection.put("audience", value);
  }

  public void setApiVersion(String value) {
    defaultConnection.put("apiVersion", value);
  }

  public void setAllowLocalInstance(String value) {
    defaultConnection.put("allowLocalInstance", value);
  }

  /** Milliseconds or ISO-8601 ({@code PT10S}). */
  public void setConnectTimeout(String value) {
    defaultConnection.put("connectTimeout", value);
  }

  /** Milliseconds or ISO-8601 ({@code PT60S}); keep it well below the job executor's lock time. */
  public void setReadTimeout(String value) {
    defaultConnection.put("readTimeout", value);
  }

  /**
   * Milliseconds or ISO-8601 ({@code PT20S}); keep it below the idle timeout of Salesforce and any
   * proxy.
   */
  public void setKeepAlive(String value) {
    defaultConnection.put("keepAlive", value);
  }

  public void setUserAgent(String value) {
    defaultConnection.put("userAgent", value);
  }

  /** Registers into another registry than the global one (tests, several engines in one JVM). */
  public void setRegistry(SalesforceConnections registry) {
    this.registry = java.util.Objects.requireNonNull(registry, "registry");
  }

  /** Uses another resolver for {@code ${env:..}} / {@code ${sys:..}} references (tests). */
  public void setPropertyResolver(ConnectionProperties parser) {
    this.parser = java.util.Objects.requireNonNull(parser, "parser");
  }

  /** The connections these properties describe, by name (validated; nothing registered yet). */
  public Map<String, ConnectionSettings> connectionSettings() {
    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
    if (!defaultConnection.isEmpty()) {
      byName.put(SalesforceConnections.DEFAULT_CONNECTION, new LinkedHashMap<>(defaultConnection));
    }
    merge(byName, ConnectionProperties.group(flat));
    merge(byName, ConnectionProperties.parseLines(connections));
    Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
    byName.forEach((name, props) -> settings.put(name, parser.toSettings(name, props)));
    return settings;
  }

  private static void merge(
      Map<String, Map<String, String>> into, Map<String, Map<String, String>> more) {
    more.forEach(
        (name, props) -> into.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(props));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // connections are registered in preInit so that nothing in the engine start can run a connector
    // without them
    connectionSettings().forEach(registry::register);
    FailedJobHandling.preInit(configuration);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobHandling.postInit(configuration);
    if (recordLocks) {
      RecordLocks.install(configuration, recordLockRetention);
    }
  }

  /**
   * {@code false} leaves concurrent actions on one record unguarded ({@link RecordLocks}); default
   * {@code true}.
   */
  public void setRecordLocks(String value) {
    this.recordLocks = Boolean.parseBoolean(value.trim());
  }

  /** How long record locks keep the arrival order of written fields (ISO-8601, default P1D). */
  public void setRecordLockRetention(String value) {
    this.recordLockRetention = RecordLocksPlugin.parse(value);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing to do once the engine is built
  }
}
