package io.github.sfactions.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.sfactions.emulator.impl.DataFile;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.Ids;
import io.github.sfactions.emulator.impl.http.AdminRoutes;
import io.github.sfactions.emulator.impl.http.DataApi;
import io.github.sfactions.emulator.impl.http.Dispatcher;
import io.github.sfactions.emulator.impl.http.OAuthRoutes;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.net.IdleClosingRelay;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import io.github.sfactions.emulator.impl.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A local Salesforce org over HTTP: OAuth token endpoint, REST sObjects, SOQL query, sObject
 * Collections, Bulk API 2.0 ingest, limits, fault injection and a request log. Real Salesforce
 * clients use it unchanged: log in at {@link #loginUrl()}, then follow the returned {@code
 * instance_url} ({@link #instanceUrl()}, a different host and port).
 */
public final class SalesforceEmulator implements AutoCloseable {
  public static final String DEMO_CLIENT_ID = EmulatorCore.Demo.CLIENT_ID;
  public static final String DEMO_CLIENT_SECRET = EmulatorCore.Demo.CLIENT_SECRET;
  public static final String DEMO_USERNAME = EmulatorCore.Demo.USERNAME;
  public static final String DEMO_PASSWORD = EmulatorCore.Demo.PASSWORD;
  public static final String DEMO_SECURITY_TOKEN = EmulatorCore.Demo.SECURITY_TOKEN;
  private static final int HTTP_THREADS = 16;
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK and every keep-alive response stalls ~40 ms. Read once when the server class
    // loads.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  private static final int BACKLOG = 256;

  private final EmulatorCore core;
  private final HttpServer loginServer;
  private final HttpServer instanceServer;
  private final List<IdleClosingRelay> relays = new ArrayList<>();
  private final ExecutorService httpPool;
  private final DataFile dataFile;
  private final Faults faults;
  private final BulkWiring bulk;
  private final DataApi data;
  private final String loginUrl;
  private final String instanceUrl;
  private final TlsIdentity tls;
  private final Path temporaryTlsDirectory;
  private final HttpsServer httpsLoginServer;
  private final HttpsServer httpsInstanceServer;

  private SalesforceEmulator(Builder b) {
    EmulatorConfig config = b.effectiveConfig();
    this.core = new EmulatorCore(config, b.jwtKeys, b.tokenTtl, SoqlWiring::parser);
    core.orgSettings(b.sandbox, b.soapLogin);
    this.faults = new Faults(core);
    this.dataFile = b.dataFile == null ? null : new DataFile(b.dataFile, core);
    if (dataFile == null || !dataFile.load()) {
      core.seed();
    } else {
      core.seedOrgRecords();
    }
    if (dataFile != null) {
      core.store().onChange(dataFile::changed);
    }
    this.bulk = new BulkWiring(core);
    this.data = new DataApi(core);
    bulk.plugInto(data);
    AdminRoutes admin = new AdminRoutes(core, this::reset);
    admin.bulkJobs(bulk::jobs);
    OAuthRoutes oauth = new OAuthRoutes(core);
    this.httpPool =
        new ThreadPoolExecutor(
            HTTP_THREADS,
            HTTP_THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            EmulatorCore.daemonThreads("sf-emulator-http"));
    List<HttpServer> bound = new ArrayList<>();
    try {
      this.tls = b.tlsIdentity();
      this.temporaryTlsDirectory = b.temporaryTlsDirectory;
      InetAddress loopback = InetAddress.getLoopbackAddress();
      // With an idle timeout the plain HTTP servers sit on free ports behind relays that own the
      // public ones.
      boolean relayed = b.idleTimeout != null;
      this.loginServer =
          bind(
              bound,
              HttpServer.create(
                  new InetSocketAddress(loopback, relayed ? 0 : b.loginPort), BACKLOG));
      this.instanceServer =
          bind(
              bound,
              HttpServer.create(
                  new InetSocketAddress(loopback, relayed ? 0 : b.instancePort), BACKLOG));
      if (relayed) {
        relays.add(
            new IdleClosingRelay(
                new InetSocketAddress(loopback, b.loginPort),
                BACKLOG,
                loginServer.getAddress(),
                b.idleTimeout,
                "sf-emulator-login"));
        relays.add(
            new IdleClosingRelay(
                new InetSocketAddress(loopback, b.instancePort),
                BACKLOG,
                instanceServer.getAddress(),
                b.idleTimeout,
                "sf-emulator-instance"));
      }
      if (tls != null) {
        HttpsConfigurator https = new HttpsConfigurator(tls.serverContext());
        this.httpsLoginServer =
            bind(
                bound,
                HttpsServer.create(new InetSocketAddress(loopback, b.httpsLoginPort), BACKLOG));
        this.httpsInstanceServer =
            bind(
                bound,
                HttpsServer.create(new InetSocketAddress(loopback, b.httpsInstancePort), BACKLOG));
        httpsLoginServer.setHttpsConfigurator(https);
        httpsInstanceServer.setHttpsConfigurator(https);
      } else {
        this.httpsLoginServer = null;
        this.httpsInstanceServer = null;
      }
    } catch (IOException | RuntimeException e) {
      relays.forEach(IdleClosingRelay::close);
      bound.forEach(s -> s.stop(0));
      httpPool.shutdownNow();
      core.close();
      bulk.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot bind the emulator's ports: " + e.getMessage(), io);
      }
      if (e instanceof UncheckedIOException io) {
        throw new UncheckedIOException(
            "Cannot bind the emulator's ports: " + e.getMessage(), io.getCause());
      }
      throw (RuntimeException) e;
    }
    loginServer.createContext("/", new Dispatcher(Dispatcher.Role.LOGIN, core, oauth, data, admin));
    instanceServer.createContext(
        "/", new Dispatcher(Dispatcher.Role.INSTANCE, core, oauth, data, admin));
    int loginPort = relays.isEmpty() ? loginServer.getAddress().getPort() : relays.get(0).port();
    int instancePort =
        relays.isEmpty() ? instanceServer.getAddress().getPort() : relays.get(1).port();
    this.loginUrl = "http://localhost:" + loginPort;
    this.instanceUrl = "http://127.0.0.1:" + instancePort;
    core.urls(loginUrl, instanceUrl);
    if (tls != null) {
      httpsLoginServer.createContext(
          "/", new Dispatcher(Dispatcher.Role.LOGIN, true, core, oauth, data, admin));
      httpsInstanceServer.createContext(
          "/", new Dispatcher(Dispatcher.Role.INSTANCE, true, core, oauth, data, admin));
      core.httpsUrls(
          "https://localhost:" + httpsLoginServer.getAddress().getPort(),
          "https://127.0.0.1:" + httpsInstanceServer.getAddress().getPort());
    }
    for (HttpServer s : bound) {
      s.setExecutor(httpPool);
      s.start();
    }
  }

  private static <S extends HttpServer> S bind(List<HttpServer> bound, S server) {
    bound.add(server);
    return server;
  }

  /** A builder for the demo org on free ports. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts the demo org on free ports. */
  public static SalesforceEmulator startDemo() {
    return builder().start();
  }

  /** The token endpoint host, e.g. {@code http://localhost:PORT}. */
  public String loginUrl() {
    return loginUrl;
  }

  /** The data host returned as {@code instance_url}, e.g. {@code http://127.0.0.1:PORT2}. */
  public String instanceUrl() {
    return instanceUrl;
  }

  /**
   * The HTTPS token endpoint host, e.g. {@code https://localhost:PORT}; empty when HTTPS is off.
   */
  public Optional<String> httpsLoginUrl() {
    return tls == null ? Optional.empty() : Optional.of(core.endpoints(true).loginUrl());
  }

  /** The HTTPS data host returned as {@code instance_url} to clients that log in over HTTPS. */
  public Optional<String> httpsInstanceUrl() {
    return tls == null ? Optional.empty() : Optional.of(core.endpoints(true).instanceUrl());
  }

  /** The PEM file of the certificate HTTPS clients must trust; empty when HTTPS is off. */
  public Optional<Path> certificatePem() {
    return tls == null ? Optional.empty() : Optional.of(tls.certificatePem());
  }

  /**
   * A client-side TLS context that trusts the emulator's certificate (and nothing else), for Java
   * clients in tests: {@code HttpClient.newBuilder().sslContext(sf.clientSslContext())}.
   *
   * @throws IllegalStateException when HTTPS is off
   */
  public SSLContext clientSslContext() {
    if (tls == null) {
      throw new IllegalStateException("HTTPS is off; enable it with builder().https()");
    }
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("sfactions-emulator", tls.trustAnchor());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot build a TLS context trusting the emulator: " + e.getMessage(), e);
    }
  }

  /** The org id (18 chars). */
  public String orgId() {
    return core.orgId18();
  }

  /**
   * Creates a record as REST would (same validation) without counting an API call; returns its id.
   */
  public String createRecord(String sobject, Map<String, Object> fields) {
    return core.createRecord(sobject, fields);
  }

  /** A live record by 15- or 18-char id. */
  public Optional<Map<String, Object>> record(String sobject, String id) {
    ObjectDef def = core.objectOrThrow(sobject);
    return Ids.normalize(id)
        .map(i -> core.store().table(def.name()).get(i))
        .filter(r -> !ObjectTable.isDeleted(r))
        .map(LinkedHashMap::new);
  }

  /** Every live (not deleted) record of the object, in creation order. */
  public List<Map<String, Object>> records(String sobject) {
    ObjectDef def = core.objectOrThrow(sobject);
    return core.store().table(def.name()).live().stream()
        .map(r -> (Map<String, Object>) new LinkedHashMap<>(r))
        .toList();
  }

  public EmulatorStats stats() {
    return core.counters().snapshot();
  }

  public List<RecordedRequest> requests() {
    return core.requestLog().snapshot();
  }

  public Faults faults() {
    return faults;
  }

  /** Every issued access token becomes invalid (401 INVALID_SESSION_ID). */
  public void expireSessions() {
    core.sessions().expireAll();
  }

  /**
   * Issues a refresh token for the user and the first connected app (Salesforce issues them via the
   * web flow).
   */
  public String issueRefreshToken(String username) {
    return core.tokens().issueRefreshToken(username, null);
  }

  /** Issues a refresh token for the user and the given connected app. */
  public String issueRefreshToken(String clientId, String username) {
    return core.tokens().issueRefreshToken(username, clientId);
  }

  /** Records, bulk jobs, counters, log and faults back to the configured initial state. */
  public void reset() {
    bulk.reset();
    data.resetQueryJobs();
    core.reset();
    if (dataFile != null) {
      dataFile.changed();
    }
  }

  @Override
  public void close() {
    relays.forEach(IdleClosingRelay::close);
    loginServer.stop(0);
    instanceServer.stop(0);
    if (httpsLoginServer != null) {
      httpsLoginServer.stop(0);
      httpsInstanceServer.stop(0);
    }
    bulk.close();
    httpPool.shutdownNow();
    if (dataFile != null) {
      dataFile.writeNow();
    }
    core.close();
    deleteTemporaryTlsDirectory();
  }

  /** A certificate made in a temporary directory is of no use after close; a kept one stays. */
  private void deleteTemporaryTlsDirectory() {
    if (temporaryTlsDirectory == null) {
      return;
    }
    try (var files = Files.list(temporaryTlsDirectory)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(temporaryTlsDirectory);
    } catch (IOException e) {
      // Left for the OS's temp cleaner; nothing depends on it.
    }
  }

  /** Configures and starts an emulator. */
  public static final class Builder {
    private int loginPort;
    private int instancePort;
    private EmulatorConfig config = EmulatorConfig.defaults();
    private Duration tokenTtl;
    private Long dailyApiLimit;
    private Path dataFile;
    private Duration idleTimeout;
    private final Map<String, PublicKey> jwtKeys = new LinkedHashMap<>();
    private boolean https;
    private int httpsLoginPort;
    private int httpsInstancePort;
    private Path tlsDirectory;
    private Path tlsKeyStore;
    private char[] tlsKeyStorePassword;
    private Path tlsCertificateChain;
    private Path tlsPrivateKey;
    private boolean sandbox;
    private boolean soapLogin;
    private Path temporaryTlsDirectory;

    private Builder() {}

    /** Login (token) port; 0 = a free port (default). */
    public Builder port(int loginPort) {
      this.loginPort = checkPort(loginPort);
      return this;
    }

    /** Instance (data) port; 0 = a free port (default). */
    public Builder instancePort(int port) {
      this.instancePort = checkPort(port);
      return this;
    }

    private static int checkPort(int p) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("Port out of range: " + p);
      }
      return p;
    }

    /**
     * Replaces the configuration; call before {@link #user}, {@link #object} or {@link
     * #connectedApp}.
     */
    public Builder config(EmulatorConfig c) {
      this.config = c;
      return this;
    }

    /**
     * Reads the configuration from a JSON file (see docs/emulator.md); replaces earlier
     * configuration.
     */
    public Builder configFile(Path json) {
      this.config = EmulatorConfig.fromJson(json);
      return this;
    }

    public Builder tokenTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("tokenTtl must be positive");
      }
      this.tokenTtl = ttl;
      return this;
    }

    public Builder dailyApiLimit(long max) {
      if (max < 0) {
        throw new IllegalArgumentException("dailyApiLimit must not be negative");
      }
      this.dailyApiLimit = max;
      return this;
    }

    /**
     * Closes a keep-alive connection (login and instance host) once it has been idle for this long,
     * as Salesforce's servers do. Without it the JDK server's own rule applies: {@code
     * sun.net.httpserver.idleInterval} (30 s by default, checked every 10 s, so a connection goes
     * after 30 to 40 s idle), one value per JVM.
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** Records are loaded from and saved to this JSON file. */
    public Builder dataFile(Path json) {
      this.dataFile = json;
      return this;
    }

    /**
     * Adds a connected app; {@code jwtKey} (nullable) verifies JWT bearer assertions. It has no
     * client-credentials "Run As" user (configure {@code runAsUsername} in {@link EmulatorConfig}
     * for that).
     */
    public Builder connectedApp(String clientId, String clientSecret, PublicKey jwtKey) {
      config =
          config.withConnectedApp(
              new EmulatorConfig.ConnectedApp(clientId, clientSecret, null, null, false));
      if (jwtKey != null) {
        jwtKeys.put(clientId, jwtKey);
      }
      return this;
    }

    /** Adds a user. */
    public Builder user(String username, String password, String securityToken) {
      config = config.withUser(new EmulatorConfig.User(username, password, securityToken));
      return this;
    }

    /** Adds a custom object, or fields on a standard object. */
    public Builder object(EmulatorConfig.SObject object) {
      config = config.withObject(object);
      return this;
    }

    /** Turns the Lead/Contact duplicate rule on Email on or off. */
    public Builder duplicateRules(boolean on) {
      config = config.withDuplicateRules(on);
      return this;
    }

    /** Faults and latency active from the start (and after every reset). */
    public Builder faults(EmulatorConfig.FaultSettings faults) {
      config = config.withFaults(faults);
      return this;
    }

    /** Bulk API 2.0 processing settings. */
    public Builder bulk(EmulatorConfig.Bulk bulk) {
      config = config.withBulk(bulk);
      return this;
    }

    /** Sets a JWT key for a connected app given in the configuration (e.g. the demo app). */
    public Builder jwtKey(String clientId, PublicKey key) {
      jwtKeys.put(clientId, key);
      return this;
    }

    /**
     * Also serves HTTPS, on two more ports ({@link #httpsPort}, {@link #httpsInstancePort}), with a
     * certificate generated at first start and kept in {@link #tlsDirectory} (default: beside the
     * data file, else a fresh temporary directory), unless {@link #tlsKeyStore} or {@link #tlsPem}
     * gives one. Plain HTTP stays on.
     */
    public Builder https() {
      this.https = true;
      return this;
    }

    /** HTTPS login port (turns HTTPS on); 0 = a free port (default). */
    public Builder httpsPort(int port) {
      this.httpsLoginPort = checkPort(port);
      this.https = true;
      return this;
    }

    /** HTTPS instance port (turns HTTPS on); 0 = a free port (default). */
    public Builder httpsInstancePort(int port) {
      this.httpsInstancePort = checkPort(port);
      this.https = true;
      return this;
    }

    /** Where the generated certificate is kept and reused across starts (turns HTTPS on). */
    public Builder tlsDirectory(Path dir) {
      this.tlsDirectory = dir;
      this.https = true;
      return this;
    }

    /** Serves the first key entry of this PKCS12 keystore (turns HTTPS on). */
    public Builder tlsKeyStore(Path pkcs12, char[] password) {
      this.tlsKeyStore = pkcs12;
      this.tlsKeyStorePassword = password == null ? new char[0] : password.clone();
      this.https = true;
      return this;
    }

    /**
     * Serves this PEM certificate chain (server first) and unencrypted PEM private key (turns HTTPS
     * on).
     */
    public Builder tlsPem(Path certificateChain, Path privateKey) {
      this.tlsCertificateChain = certificateChain;
      this.tlsPrivateKey = privateKey;
      this.https = true;
      return this;
    }

    /**
     * Makes the org a sandbox: {@code Organization.IsSandbox} is true (as for orgs whose users log
     * in at test.salesforce.com). Default false, a production or developer org.
     */
    public Builder sandbox(boolean on) {
      this.sandbox = on;
      return this;
    }

    /**
     * Enables SOAP API {@code login()} on {@code /services/Soap/u/{version}}. Off by default, as in
     * orgs created from Winter '26 on; when off the call answers the fault Salesforce gives.
     */
    public Builder soapLogin(boolean on) {
      this.soapLogin = on;
      return this;
    }

    TlsIdentity tlsIdentity() {
      if (!https) {
        return null;
      }
      if (tlsCertificateChain != null) {
        return TlsIdentity.fromPem(tlsCertificateChain, tlsPrivateKey);
      }
      Path dir = tlsDirectory;
      if (dir == null && dataFile != null) {
        dir = dataFile.toAbsolutePath().getParent();
      }
      try {
        if (dir == null) {
          dir = Files.createTempDirectory("sfactions-emulator-tls");
          temporaryTlsDirectory = dir;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create a directory for the TLS certificate", e);
      }
      if (tlsKeyStore != null) {
        return TlsIdentity.fromPkcs12(
            tlsKeyStore, tlsKeyStorePassword, dir.resolve(TlsIdentity.CA_PEM_FILE));
      }
      return TlsIdentity.generatedIn(dir);
    }

    EmulatorConfig effectiveConfig() {
      EmulatorConfig c = config;
      if (dailyApiLimit != null) {
        c = c.withDailyApiLimit(dailyApiLimit);
      }
      return c;
    }

    public SalesforceEmulator start() {
      if (loginPort != 0 && loginPort == instancePort) {
        throw new IllegalArgumentException("Login and instance ports must differ");
      }
      if (httpsLoginPort != 0 && httpsLoginPort == httpsInstancePort) {
        throw new IllegalArgumentException("HTTPS login and instance ports must differ");
      }
      if (tlsCertificateChain != null && tlsPrivateKey == null) {
        throw new IllegalArgumentException("tlsPem needs the private key file too");
      }
      return new SalesforceEmulator(this);
    }
  }
}
