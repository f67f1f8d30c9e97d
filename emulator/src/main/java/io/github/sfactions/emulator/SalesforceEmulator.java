package io.github.sfactions.emulator;

import com.sun.net.httpserver.HttpServer;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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

/**
 * A local Salesforce org over HTTP: OAuth token endpoint, REST sObjects, SOQL query, sObject
 * Collections, Bulk API 2.0 ingest, limits, fault injection and a request log. Real Salesforce
 * clients use it unchanged: log in at {@link #loginUrl()}, then follow the returned
 * {@code instance_url} ({@link #instanceUrl()}, a different host and port).
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
        // delayed ACK and every keep-alive response stalls ~40 ms. Read once when the server class loads.
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
    private final String loginUrl;
    private final String instanceUrl;

    private SalesforceEmulator(Builder b) {
        EmulatorConfig config = b.effectiveConfig();
        this.core = new EmulatorCore(config, b.jwtKeys, b.tokenTtl, SoqlWiring::parser);
        this.faults = new Faults(core);
        this.dataFile = b.dataFile == null ? null : new DataFile(b.dataFile, core);
        if (dataFile == null || !dataFile.load()) {
            core.seed();
        }
        if (dataFile != null) {
            core.store().onChange(dataFile::changed);
        }
        this.bulk = new BulkWiring(core);
        DataApi data = new DataApi(core);
        bulk.plugInto(data);
        AdminRoutes admin = new AdminRoutes(core, this::reset);
        admin.bulkJobs(bulk::jobs);
        OAuthRoutes oauth = new OAuthRoutes(core);
        this.httpPool = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), EmulatorCore.daemonThreads("sf-emulator-http"));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // With an idle timeout the servers sit on free ports behind relays that own the public ones.
        boolean relayed = b.idleTimeout != null;
        HttpServer login = null;
        HttpServer instance = null;
        try {
            login = HttpServer.create(new InetSocketAddress(loopback, relayed ? 0 : b.loginPort), BACKLOG);
            instance = HttpServer.create(new InetSocketAddress(loopback, relayed ? 0 : b.instancePort), BACKLOG);
            if (relayed) {
                relays.add(new IdleClosingRelay(new InetSocketAddress(loopback, b.loginPort), BACKLOG,
                        login.getAddress(), b.idleTimeout, "sf-emulator-login"));
                relays.add(new IdleClosingRelay(new InetSocketAddress(loopback, b.instancePort), BACKLOG,
                        instance.getAddress(), b.idleTimeout, "sf-emulator-instance"));
            }
        } catch (IOException | UncheckedIOException e) {
            relays.forEach(IdleClosingRelay::close);
            for (HttpServer bound : new HttpServer[] {login, instance}) {
                if (bound != null) {
                    bound.stop(0);
                }
            }
            httpPool.shutdownNow();
            core.close();
            bulk.close();
            throw new UncheckedIOException("Cannot bind the emulator's ports: " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        this.loginServer = login;
        this.instanceServer = instance;
        loginServer.createContext("/", new Dispatcher(Dispatcher.Role.LOGIN, core, oauth, data, admin));
        instanceServer.createContext("/", new Dispatcher(Dispatcher.Role.INSTANCE, core, oauth, data, admin));
        loginServer.setExecutor(httpPool);
        instanceServer.setExecutor(httpPool);
        int loginPort = relayed ? relays.get(0).port() : loginServer.getAddress().getPort();
        int instancePort = relayed ? relays.get(1).port() : instanceServer.getAddress().getPort();
        this.loginUrl = "http://localhost:" + loginPort;
        this.instanceUrl = "http://127.0.0.1:" + instancePort;
        core.urls(loginUrl, instanceUrl);
        loginServer.start();
        instanceServer.start();
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

    /** The org id (18 chars). */
    public String orgId() {
        return core.orgId18();
    }

    /** Creates a record as REST would (same validation) without counting an API call; returns its id. */
    public String createRecord(String sobject, Map<String, Object> fields) {
        return core.createRecord(sobject, fields);
    }

    /** A live record by 15- or 18-char id. */
    public Optional<Map<String, Object>> record(String sobject, String id) {
        ObjectDef def = core.objectOrThrow(sobject);
        return Ids.normalize(id).map(i -> core.store().table(def.name()).get(i))
                .filter(r -> !ObjectTable.isDeleted(r)).map(LinkedHashMap::new);
    }

    /** Every live (not deleted) record of the object, in creation order. */
    public List<Map<String, Object>> records(String sobject) {
        ObjectDef def = core.objectOrThrow(sobject);
        return core.store().table(def.name()).live().stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r))
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

    /** Issues a refresh token for the user and the first connected app (Salesforce issues them via the web flow). */
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
        bulk.close();
        httpPool.shutdownNow();
        if (dataFile != null) {
            dataFile.writeNow();
        }
        core.close();
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

        private Builder() {
        }

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

        /** Replaces the configuration; call before {@link #user}, {@link #object} or {@link #connectedApp}. */
        public Builder config(EmulatorConfig c) {
            this.config = c;
            return this;
        }

        /** Reads the configuration from a JSON file (see docs/emulator.md); replaces earlier configuration. */
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
         * Closes a keep-alive connection (login and instance host) once it has been idle for this long, as
         * Salesforce's servers do. Without it the JDK server's own rule applies: {@code sun.net.httpserver.idleInterval}
         * (30 s by default, checked every 10 s, so a connection goes after 30 to 40 s idle), one value per JVM.
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
         * client-credentials "Run As" user (configure {@code runAsUsername} in {@link EmulatorConfig} for that).
         */
        public Builder connectedApp(String clientId, String clientSecret, PublicKey jwtKey) {
            config = config.withConnectedApp(new EmulatorConfig.ConnectedApp(clientId, clientSecret, null, null, false));
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
            return new SalesforceEmulator(this);
        }
    }
}
