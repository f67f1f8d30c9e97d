package io.github.sfactions.client;

import io.github.sfactions.client.impl.ConnectionPropertyRules;
import io.github.sfactions.client.impl.InstanceUrlRules;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Immutable settings of one Salesforce connection. Build with {@link #builder()}; {@link
 * #toString()} never prints a secret.
 *
 * <p>The instance URL is not a setting: it always comes from the token response (and is checked
 * against {@link InstanceUrlRules}).
 */
public final class ConnectionSettings {

  /** Production and developer orgs. */
  public static final String PRODUCTION_LOGIN_URL = "https://login.salesforce.com";

  /** Sandboxes. */
  public static final String SANDBOX_LOGIN_URL = "https://test.salesforce.com";

  /** API version used when none is configured. */
  public static final String DEFAULT_API_VERSION = "v62.0";

  /** Well under Camunda's 5-minute job lock. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Well under Camunda's 5-minute job lock. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How long an idle pooled connection is reused. It has to stay below the server's idle timeout,
   * or the next call goes out on a connection the server has already closed. Salesforce does not
   * document its value; 20 s stays below the JDK HTTP server's (the emulator: 30 s, enforced within
   * 40 s) and below the 60 s common to load balancers and proxies on the way, and costs a new TLS
   * handshake only after 20 s without a call.
   */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(20);

  /**
   * The credential properties of {@link #fromProperties(Map, UnaryOperator)}; which are used
   * depends on the flow.
   */
  public static final List<String> AUTH_PROPERTIES =
      List.of(
          "clientId",
          "clientSecret",
          "username",
          "password",
          "securityToken",
          "refreshToken",
          "privateKey",
          "privateKeyPath",
          "audience");

  /**
   * Every property {@link #fromProperties(Map, UnaryOperator)} understands, in the order they are
   * checked.
   */
  public static final List<String> PROPERTIES =
      Stream.concat(
              Stream.of(
                  "loginUrl",
                  "sandbox",
                  "allowLocalInstance",
                  "apiVersion",
                  "connectTimeout",
                  "readTimeout",
                  "keepAlive",
                  "userAgent",
                  "proxyHost",
                  "proxyPort",
                  "proxyType",
                  "authFlow"),
              AUTH_PROPERTIES.stream())
          .toList();

  private static final Pattern API_VERSION = Pattern.compile("v[1-9][0-9]*\\.0");

  private final String loginUrl;
  private final String apiVersion;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration keepAlive;
  private final Proxy proxy;
  private final boolean allowLocalInstance;
  private final AuthFlow auth;
  private final String userAgent;

  private ConnectionSettings(Builder b) {
    this.allowLocalInstance = b.allowLocalInstance;
    this.loginUrl = InstanceUrlRules.normalizeLoginUrl(b.loginUrl, b.allowLocalInstance);
    if (b.apiVersion == null || !API_VERSION.matcher(b.apiVersion).matches()) {
      throw new IllegalArgumentException(
          "Invalid Salesforce API version '"
              + b.apiVersion
              + "': expected the form vNN.0, e.g. "
              + DEFAULT_API_VERSION);
    }
    this.apiVersion = b.apiVersion;
    this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
    this.readTimeout = positive(b.readTimeout, "readTimeout");
    this.keepAlive = positive(b.keepAlive, "keepAlive");
    this.proxy = b.proxy;
    this.auth = Objects.requireNonNull(b.auth, "auth flow is required");
    this.userAgent = b.userAgent == null || b.userAgent.isBlank() ? "sfactions" : b.userAgent;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  /**
   * Settings from text properties, with every rule a front end (the engine plugin, Spring Boot)
   * applies:
   *
   * <ul>
   *   <li>{@code loginUrl} (a Salesforce host, or localhost with {@code allowLocalInstance=true}),
   *       or {@code sandbox=true|false}; both given must agree;
   *   <li>{@code apiVersion} {@code 62}, {@code 62.0}, {@code v62} or {@code v62.0} (→ {@code
   *       v62.0});
   *   <li>{@code connectTimeout}, {@code readTimeout}, {@code keepAlive}: milliseconds or ISO-8601
   *       ({@code PT30S}), positive;
   *   <li>{@code proxyHost} + {@code proxyPort} (1..65535), {@code proxyType} {@code http}
   *       (default) or {@code socks};
   *   <li>{@code authFlow} {@code password}, {@code refresh-token}, {@code client-credentials} or
   *       {@code jwt-bearer} (any case, dashes optional; inferred from the credentials when
   *       absent), each with its required credentials and no unused ones; client-credentials needs
   *       a My Domain login URL; jwt-bearer exactly one of {@code privateKey} (PEM PKCS#8) and
   *       {@code privateKeyPath}.
   * </ul>
   *
   * Blank values count as absent.
   *
   * @param properties property ({@link #PROPERTIES}) → value
   * @param propertyName how the caller spells a property in its messages, e.g. {@code
   *     sfactions.connections.eu.auth.client-id} for {@code clientId}
   * @throws InvalidConnectionSettingsException listing every problem, never a secret value
   * @throws IllegalArgumentException for a property not in {@link #PROPERTIES} (a front end's
   *     mistake)
   */
  public static ConnectionSettings fromProperties(
      Map<String, String> properties, UnaryOperator<String> propertyName) {
    return ConnectionPropertyRules.apply(properties, propertyName);
  }

  /** {@link #fromProperties(Map, UnaryOperator)} with the properties named as they are given. */
  public static ConnectionSettings fromProperties(Map<String, String> properties) {
    return fromProperties(properties, UnaryOperator.identity());
  }

  /**
   * A new builder with the defaults (production login URL, {@value #DEFAULT_API_VERSION}, 10 s / 60
   * s timeouts, 20 s keep-alive).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these settings. */
  public Builder toBuilder() {
    return new Builder()
        .loginUrl(loginUrl)
        .apiVersion(apiVersion)
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .keepAlive(keepAlive)
        .proxy(proxy)
        .allowLocalInstance(allowLocalInstance)
        .auth(auth)
        .userAgent(userAgent);
  }

  /** Token endpoint host, without a trailing slash, e.g. {@code https://login.salesforce.com}. */
  public String loginUrl() {
    return loginUrl;
  }

  /**
   * True when the login URL is a sandbox login host ({@code test.salesforce.com} or a sandbox My
   * Domain).
   */
  public boolean isSandboxLogin() {
    return InstanceUrlRules.isSandboxLoginUrl(loginUrl);
  }

  /** API version, e.g. {@code v62.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long an idle connection stays in the pool for reuse ({@link #DEFAULT_KEEP_ALIVE} by
   * default).
   */
  public Duration keepAlive() {
    return keepAlive;
  }

  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /**
   * Deviation 7: {@code http://localhost} / {@code 127.0.0.1} instance (and login) URLs are
   * accepted only when set.
   */
  public boolean allowLocalInstance() {
    return allowLocalInstance;
  }

  public AuthFlow auth() {
    return auth;
  }

  /** Value of the {@code User-Agent} header. */
  public String userAgent() {
    return userAgent;
  }

  @Override
  public String toString() {
    return "ConnectionSettings[loginUrl="
        + loginUrl
        + ", apiVersion="
        + apiVersion
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", keepAlive="
        + keepAlive
        + ", proxy="
        + (proxy == null ? "none" : proxy)
        + ", allowLocalInstance="
        + allowLocalInstance
        + ", auth="
        + auth
        + "]";
  }

  /** Builder of {@link ConnectionSettings}. */
  public static final class Builder {
    private String loginUrl = PRODUCTION_LOGIN_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration keepAlive = DEFAULT_KEEP_ALIVE;
    private Proxy proxy;
    private boolean allowLocalInstance;
    private AuthFlow auth;
    private String userAgent;

    private Builder() {}

    /**
     * Production, sandbox ({@link #SANDBOX_LOGIN_URL}) or My Domain URL of the token endpoint host.
     */
    public Builder loginUrl(String loginUrl) {
      this.loginUrl = loginUrl;
      return this;
    }

    /** Shortcut: {@link #SANDBOX_LOGIN_URL} when true, {@link #PRODUCTION_LOGIN_URL} otherwise. */
    public Builder sandbox(boolean sandbox) {
      this.loginUrl = sandbox ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
      return this;
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /**
     * How long an idle connection is kept for reuse; set it below the idle timeout of the server
     * and of every proxy or load balancer in between.
     */
    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /** Optional HTTP proxy; {@code null} for a direct connection. */
    public Builder proxy(Proxy proxy) {
      this.proxy = proxy;
      return this;
    }

    public Builder allowLocalInstance(boolean allowLocalInstance) {
      this.allowLocalInstance = allowLocalInstance;
      return this;
    }

    public Builder auth(AuthFlow auth) {
      this.auth = auth;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Validates and builds; invalid values raise {@link IllegalArgumentException} with a clear
     * message.
     */
    public ConnectionSettings build() {
      return new ConnectionSettings(this);
    }
  }
}
