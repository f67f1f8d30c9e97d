package io.github.sfactions.spring;

import io.github.sfactions.client.ConnectionSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot configuration of the Salesforce connectors, bound from {@code sfactions.*}.
 *
 * <pre>{@code
 * sfactions:
 *   connections:
 *     default:                      # used when a task names no connection
 *       login-url: https://acme.my.salesforce.com
 *       auth:
 *         flow: client-credentials
 *         client-id: ${SF_CLIENT_ID}
 *         client-secret: ${SF_CLIENT_SECRET}
 *     eu:                           # tasks select it with the input connection=eu
 *       sandbox: true
 *       auth:
 *         flow: jwt-bearer
 *         client-id: ${SF_EU_CLIENT_ID}
 *         username: integration@acme.eu.uat
 *         private-key-path: /etc/sfactions/eu.pem
 * }</pre>
 *
 * <p>Every connection is validated at start-up; an invalid one fails the start with a message
 * naming the property (never its value when it is a secret).
 */
@ConfigurationProperties(prefix = SalesforceProperties.PREFIX)
public class SalesforceProperties {

  /** Prefix of every property. */
  public static final String PREFIX = "sfactions";

  /**
   * Salesforce connections by name (one per org). The connection named "default" is used when a
   * task names none; other names are selected with the task input "connection".
   */
  private Map<String, Connection> connections = new LinkedHashMap<>();

  /** Health indicator settings. */
  private final Health health = new Health();

  /** Micrometer metrics settings. */
  private final Metrics metrics = new Metrics();

  /** How concurrent actions on one Salesforce record are kept apart. */
  private final RecordLocks recordLocks = new RecordLocks();

  public Map<String, Connection> getConnections() {
    return connections;
  }

  public void setConnections(Map<String, Connection> connections) {
    this.connections = connections;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public RecordLocks getRecordLocks() {
    return recordLocks;
  }

  /** Flows the connections can use to obtain an access token. */
  public enum AuthFlowType {
    /**
     * OAuth username-password flow: client id and secret, username, password and security token.
     */
    PASSWORD,
    /** OAuth refresh token flow: client id, optional client secret, refresh token. */
    REFRESH_TOKEN,
    /** OAuth client credentials flow: client id and secret; needs the org's My Domain login URL. */
    CLIENT_CREDENTIALS,
    /**
     * OAuth JWT bearer flow: client id, username and the RSA private key of the connected app's
     * certificate.
     */
    JWT_BEARER
  }

  /** Proxy protocols. */
  public enum ProxyType {
    /** An HTTP(S) proxy (CONNECT for https). */
    HTTP,
    /** A SOCKS proxy. */
    SOCKS
  }

  /** One Salesforce org. */
  public static class Connection {

    /**
     * Token endpoint host: https://login.salesforce.com (production, the default),
     * https://test.salesforce.com (sandboxes) or the org's My Domain URL such as
     * https://acme.my.salesforce.com. Data calls go to the instance URL the token response names.
     */
    private String loginUrl;

    /** Shortcut for login-url https://test.salesforce.com when login-url is not set. */
    private Boolean sandbox;

    /** REST API version, e.g. v62.0. */
    private String apiVersion = "v62.0";

    /**
     * TCP connect timeout; keep it well below the job executor's lock time (5 minutes by default).
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Read timeout of one HTTP call; keep it well below the job executor's lock time (5 minutes by
     * default).
     */
    private Duration readTimeout = Duration.ofSeconds(60);

    /**
     * How long an idle connection is kept for reuse; keep it below the idle timeout of Salesforce
     * and of any proxy or load balancer in between, or calls after a pause go out on connections
     * already closed.
     */
    private Duration keepAlive = ConnectionSettings.DEFAULT_KEEP_ALIVE;

    /**
     * Accept http://localhost and http://127.0.0.1 login and instance URLs. Only for the local
     * emulator: never enable it for a real org.
     */
    private boolean allowLocalInstance;

    /** Value of the User-Agent header (defaults to "sfactions"). */
    private String userAgent;

    /** OAuth settings. */
    private final Auth auth = new Auth();

    /** Optional outgoing proxy. */
    private final Proxy proxy = new Proxy();

    public String getLoginUrl() {
      return loginUrl;
    }

    public void setLoginUrl(String loginUrl) {
      this.loginUrl = loginUrl;
    }

    public Boolean getSandbox() {
      return sandbox;
    }

    public void setSandbox(Boolean sandbox) {
      this.sandbox = sandbox;
    }

    public String getApiVersion() {
      return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    public Duration getKeepAlive() {
      return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
    }

    public boolean isAllowLocalInstance() {
      return allowLocalInstance;
    }

    public void setAllowLocalInstance(boolean allowLocalInstance) {
      this.allowLocalInstance = allowLocalInstance;
    }

    public String getUserAgent() {
      return userAgent;
    }

    public void setUserAgent(String userAgent) {
      this.userAgent = userAgent;
    }

    public Auth getAuth() {
      return auth;
    }

    public Proxy getProxy() {
      return proxy;
    }
  }

  /**
   * How a connection obtains its access token. Secrets are best given as ${ENV_VARIABLE}
   * references.
   */
  public static class Auth {

    /** OAuth flow: password, refresh-token, client-credentials or jwt-bearer. */
    private AuthFlowType flow;

    /** Consumer key of the connected app. */
    private String clientId;

    /**
     * Consumer secret of the connected app (password, client-credentials; optional for
     * refresh-token).
     */
    private String clientSecret;

    /** Salesforce username (password and jwt-bearer flows). */
    private String username;

    /** The user's password (password flow). */
    private String password;

    /**
     * The user's security token, appended to the password; leave empty when the caller's IP is
     * trusted.
     */
    private String securityToken;

    /** Refresh token issued to the connected app (refresh-token flow). */
    private String refreshToken;

    /**
     * RSA private key as unencrypted PKCS#8 PEM text (jwt-bearer flow); or use private-key-path.
     */
    private String privateKey;

    /** File system path of the RSA private key as unencrypted PKCS#8 PEM (jwt-bearer flow). */
    private String privateKeyPath;

    /**
     * JWT audience (jwt-bearer flow): https://login.salesforce.com, https://test.salesforce.com or
     * a community URL. Derived from the login URL when not set.
     */
    private String audience;

    public AuthFlowType getFlow() {
      return flow;
    }

    public void setFlow(AuthFlowType flow) {
      this.flow = flow;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getSecurityToken() {
      return securityToken;
    }

    public void setSecurityToken(String securityToken) {
      this.securityToken = securityToken;
    }

    public String getRefreshToken() {
      return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
    }

    public String getPrivateKey() {
      return privateKey;
    }

    public void setPrivateKey(String privateKey) {
      this.privateKey = privateKey;
    }

    public String getPrivateKeyPath() {
      return privateKeyPath;
    }

    public void setPrivateKeyPath(String privateKeyPath) {
      this.privateKeyPath = privateKeyPath;
    }

    public String getAudience() {
      return audience;
    }

    public void setAudience(String audience) {
      this.audience = audience;
    }
  }

  /** Outgoing proxy of a connection. */
  public static class Proxy {

    /** Proxy host name; no proxy when not set. */
    private String host;

    /** Proxy port. */
    private Integer port;

    /** Proxy protocol: http or socks. */
    private ProxyType type = ProxyType.HTTP;

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public Integer getPort() {
      return port;
    }

    public void setPort(Integer port) {
      this.port = port;
    }

    public ProxyType getType() {
      return type;
    }

    public void setType(ProxyType type) {
      this.type = type;
    }
  }

  /**
   * Settings of the "salesforce" health indicator (enable or disable it with
   * management.health.salesforce.enabled).
   */
  public static class Health {

    /**
     * How long a connection's health result is reused. Each check spends one API request (GET
     * /limits), so keep it well above the probe interval of your platform; 0 checks on every
     * request.
     */
    private Duration cacheTimeToLive = Duration.ofSeconds(60);

    public Duration getCacheTimeToLive() {
      return cacheTimeToLive;
    }

    public void setCacheTimeToLive(Duration cacheTimeToLive) {
      this.cacheTimeToLive = cacheTimeToLive;
    }
  }

  /**
   * Record locks (io.github.sfactions.camunda.RecordLocks): actions on one record take turns
   * through the engine's database and write in arrival order.
   */
  public static class RecordLocks {

    /**
     * Keep concurrent lookups and writes for the same matcher values apart (on every node sharing
     * the database). Off, concurrent events for one new record may create it twice.
     */
    private boolean enabled = true;

    /** How long the arrival order of a record's written fields is kept. */
    private Duration retention = io.github.sfactions.camunda.RecordLocks.DEFAULT_RETENTION;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }
  }

  /** Settings of the Micrometer metrics. */
  public static class Metrics {

    /**
     * Record salesforce.api.calls, salesforce.api.call.duration and
     * salesforce.api.requests.remaining.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
