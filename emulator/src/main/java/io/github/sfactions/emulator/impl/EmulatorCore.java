package io.github.sfactions.emulator.impl;

import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.impl.auth.ConnectedApps;
import io.github.sfactions.emulator.impl.auth.Endpoints;
import io.github.sfactions.emulator.impl.auth.SessionStore;
import io.github.sfactions.emulator.impl.auth.TokenService;
import io.github.sfactions.emulator.impl.auth.UserDirectory;
import io.github.sfactions.emulator.impl.control.ApiCounters;
import io.github.sfactions.emulator.impl.control.FaultEngine;
import io.github.sfactions.emulator.impl.control.RequestLog;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import io.github.sfactions.emulator.impl.meta.StandardObjects;
import io.github.sfactions.emulator.impl.store.OrgStore;
import io.github.sfactions.emulator.impl.store.RecordService;
import io.github.sfactions.emulator.impl.store.WriteOptions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The emulated org's state and services, shared by the HTTP handlers and the Java API. */
public final class EmulatorCore {
  public static final String API_VERSION_DEFAULT = "62.0";
  public static final int MIN_VERSION = 50;
  public static final int MAX_VERSION = 65;
  public static final long DEFAULT_DAILY_LIMIT = 15_000;
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(2);
  public static final long DEFAULT_MAX_BODY = 50L * 1024 * 1024;
  public static final String ORG_ID_15 = "00DDn0000000001";

  private final EmulatorConfig config;
  private final Clock clock = Clock.systemUTC();
  private final Schema schema;
  private final Ids ids = new Ids();
  private final OrgStore store;
  private final RecordService records;
  private final UserDirectory users;
  private final ConnectedApps apps;
  private final SessionStore sessions;
  private final TokenService tokens;
  private final ApiCounters counters;
  private final FaultEngine faults = new FaultEngine();
  private final RequestLog requestLog;
  private final QueryService queries;
  private final ScheduledExecutorService scheduler;
  private final ThreadLocal<String> currentUser = new ThreadLocal<>();
  private final long maxBodyBytes;
  private final String orgId18 = Ids.to18(ORG_ID_15);
  private volatile Endpoints http = new Endpoints("", "");
  private volatile Endpoints https;
  private volatile boolean sandbox;
  private volatile boolean soapLogin;

  /**
   * @param tokenTtl overrides the configured token lifetime when not null (allows sub-second TTLs
   *     in tests)
   */
  public EmulatorCore(
      EmulatorConfig config,
      Map<String, PublicKey> jwtKeys,
      Duration tokenTtl,
      java.util.function.Function<Schema, QueryParser> queryParser) {
    this.config = config;
    this.schema = Schema.from(config);
    this.store = new OrgStore(schema);
    this.users = new UserDirectory(allUsers(config));
    this.apps = new ConnectedApps(allApps(config), jwtKeys);
    this.records =
        new RecordService(
            schema,
            store,
            ids,
            clock,
            this::currentUserId,
            id -> users.byId(id).isPresent(),
            Boolean.TRUE.equals(config.duplicateRules()));
    Duration ttl =
        tokenTtl != null
            ? tokenTtl
            : config.tokenTtlSeconds() == null
                ? DEFAULT_TOKEN_TTL
                : Duration.ofSeconds(config.tokenTtlSeconds());
    this.sessions = new SessionStore(clock, ORG_ID_15, ttl);
    this.tokens = new TokenService(users, apps, sessions, clock, orgId18, this::allUrls);
    this.counters = new ApiCounters(configuredDailyLimit());
    EmulatorConfig.RequestLog rl = config.requestLog();
    this.requestLog =
        new RequestLog(
            rl == null || rl.maxEntries() == null ? 1000 : rl.maxEntries(),
            rl == null || rl.maxBodyChars() == null ? 4096 : rl.maxBodyChars());
    this.queries = new QueryService(store, queryParser.apply(schema));
    this.maxBodyBytes =
        config.maxRequestBodyBytes() == null ? DEFAULT_MAX_BODY : config.maxRequestBodyBytes();
    this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads("sf-emulator-timer"));
    applyConfiguredFaults();
  }

  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static List<EmulatorConfig.User> allUsers(EmulatorConfig c) {
    List<EmulatorConfig.User> list = new ArrayList<>();
    if (c.demoIncluded()) {
      list.add(
          new EmulatorConfig.User(
              Demo.USERNAME, Demo.PASSWORD, Demo.SECURITY_TOKEN, "Demo", "User", Demo.USERNAME));
    }
    if (c.users() != null) {
      list.addAll(c.users());
    }
    return list;
  }

  private static List<EmulatorConfig.ConnectedApp> allApps(EmulatorConfig c) {
    List<EmulatorConfig.ConnectedApp> list = new ArrayList<>();
    if (c.demoIncluded()) {
      list.add(
          new EmulatorConfig.ConnectedApp(
              Demo.CLIENT_ID, Demo.CLIENT_SECRET, null, Demo.USERNAME, false));
    }
    if (c.connectedApps() != null) {
      list.addAll(c.connectedApps());
    }
    return list;
  }

  private long configuredDailyLimit() {
    return config.dailyApiLimit() == null ? DEFAULT_DAILY_LIMIT : config.dailyApiLimit();
  }

  private void applyConfiguredFaults() {
    faults.clear();
    if (config.faults() != null) {
      faults.apply(config.faults());
      if (config.faults().dailyApiLimit() != null) {
        counters.limit(config.faults().dailyApiLimit());
      }
    }
  }

  /**
   * Creates the org's User and Organization records and the configured seed records (validated like
   * REST).
   */
  public void seed() {
    seedOrgRecords();
    if (config.records() == null) {
      return;
    }
    config
        .records()
        .forEach(
            (object, list) -> {
              for (Map<String, Object> fields : list) {
                createRecord(object, fields);
              }
            });
  }

  /**
   * The User rows of the configured users (same ids as their tokens) and the one Organization row,
   * whose {@code IsSandbox} follows the sandbox setting. Idempotent; also run after loading a data
   * file.
   */
  public void seedOrgRecords() {
    String now = FieldValues.formatDateTime(clock.instant());
    String admin = users.defaultUser().id();
    ObjectDef userDef = objectOrThrow(StandardObjects.USER);
    for (UserDirectory.OrgUser u : users.all()) {
      Map<String, Object> row = new java.util.LinkedHashMap<>(audit(u.id(), now, admin));
      row.put("Username", u.username());
      row.put("FirstName", u.firstName());
      row.put("LastName", u.lastName());
      row.put("Name", u.displayName());
      String alias = u.username().split("@")[0];
      row.put("Alias", alias.length() > 8 ? alias.substring(0, 8) : alias);
      row.put("Email", u.email());
      row.put("IsActive", Boolean.TRUE);
      row.put("UserType", "Standard");
      row.put("TimeZoneSidKey", "GMT");
      row.put("LocaleSidKey", "en_US");
      row.put("LanguageLocaleKey", "en_US");
      records.putOrgRecord(userDef, row);
    }
    Map<String, Object> org = new java.util.LinkedHashMap<>(audit(orgId18, now, admin));
    org.put("Name", "sfactions emulator");
    org.put("IsSandbox", sandbox);
    org.put("OrganizationType", "Developer Edition");
    org.put("InstanceName", sandbox ? "CS1" : "NA1");
    org.put("TimeZoneSidKey", "GMT");
    org.put("LanguageLocaleKey", "en_US");
    org.put("DefaultLocaleSidKey", "en_US");
    records.putOrgRecord(objectOrThrow(StandardObjects.ORGANIZATION), org);
  }

  private static Map<String, Object> audit(String id, String now, String by) {
    return Map.of(
        "Id",
        id,
        "CreatedDate",
        now,
        "CreatedById",
        by,
        "LastModifiedDate",
        now,
        "LastModifiedById",
        by,
        "SystemModstamp",
        now);
  }

  /** Creates a record through the REST validation path without counting an API call. */
  public String createRecord(String object, Map<String, Object> fields) {
    ObjectDef def = objectOrThrow(object);
    Map<String, Object> plain = new java.util.LinkedHashMap<>();
    fields.forEach((k, v) -> plain.put(k, javaValue(v)));
    Map<String, Object> values =
        FieldValues.fromJson(
            schema, def, io.github.sfactions.emulator.impl.http.Json.MAPPER.valueToTree(plain));
    return records.create(def, values, WriteOptions.plain(API_VERSION_DEFAULT)).id();
  }

  /** Java date and time values as Salesforce's JSON text. */
  private static Object javaValue(Object v) {
    if (v instanceof java.time.LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.time.Instant i) {
      return FieldValues.formatDateTime(i);
    }
    if (v instanceof java.time.OffsetDateTime o) {
      return FieldValues.formatDateTime(o.toInstant());
    }
    if (v instanceof java.time.ZonedDateTime z) {
      return FieldValues.formatDateTime(z.toInstant());
    }
    if (v instanceof java.util.Date d) {
      return FieldValues.formatDateTime(d.toInstant());
    }
    return v;
  }

  public ObjectDef objectOrThrow(String object) {
    return schema
        .object(object)
        .orElseThrow(() -> new IllegalArgumentException("Unknown sObject: " + object));
  }

  /** Back to the configured initial state: records, cursors, counters, log and faults. */
  public void reset() {
    store.clear();
    ids.clear();
    queries.clear();
    counters.reset(configuredDailyLimit());
    requestLog.clear();
    applyConfiguredFaults();
    records.duplicateRules(Boolean.TRUE.equals(config.duplicateRules()));
    seed();
  }

  /** Applies run-time fault settings: rules, latency, hang cap, daily limit, session expiry. */
  public void applyFaults(EmulatorConfig.FaultSettings settings) {
    faults.apply(settings);
    if (settings.dailyApiLimit() != null) {
      if (settings.dailyApiLimit() < 0) {
        throw new IllegalArgumentException("dailyApiLimit must not be negative");
      }
      counters.limit(settings.dailyApiLimit());
    }
    if (Boolean.TRUE.equals(settings.expireSessions())) {
      sessions.expireAll();
    }
  }

  public String currentUserId() {
    String id = currentUser.get();
    return id != null ? id : users.defaultUser().id();
  }

  /** Runs work as the given user (request threads). */
  public void runAs(String userId) {
    currentUser.set(userId);
  }

  public void clearUser() {
    currentUser.remove();
  }

  public void urls(String login, String instance) {
    this.http = new Endpoints(login, instance);
  }

  /** Org-wide switches set by the builder: a sandbox org, SOAP login() enabled. */
  public void orgSettings(boolean isSandbox, boolean soapLoginEnabled) {
    this.sandbox = isSandbox;
    this.soapLogin = soapLoginEnabled;
    seedOrgRecords();
  }

  public boolean sandbox() {
    return sandbox;
  }

  public boolean soapLoginEnabled() {
    return soapLogin;
  }

  /** The HTTPS listeners' URLs, when HTTPS is on. */
  public void httpsUrls(String login, String instance) {
    this.https = new Endpoints(login, instance);
  }

  /** The URLs of the scheme a request came in on (HTTP when HTTPS is off). */
  public Endpoints endpoints(boolean secure) {
    Endpoints s = https;
    return secure && s != null ? s : http;
  }

  private List<String> allUrls() {
    List<String> out = new ArrayList<>(List.of(http.loginUrl(), http.instanceUrl()));
    Endpoints s = https;
    if (s != null) {
      out.add(s.loginUrl());
      out.add(s.instanceUrl());
    }
    return out;
  }

  public String loginUrl() {
    return http.loginUrl();
  }

  public String instanceUrl() {
    return http.instanceUrl();
  }

  public EmulatorConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Schema schema() {
    return schema;
  }

  public Ids ids() {
    return ids;
  }

  public OrgStore store() {
    return store;
  }

  public RecordService records() {
    return records;
  }

  public UserDirectory users() {
    return users;
  }

  public ConnectedApps apps() {
    return apps;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public TokenService tokens() {
    return tokens;
  }

  public ApiCounters counters() {
    return counters;
  }

  public FaultEngine faults() {
    return faults;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public QueryService queries() {
    return queries;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public String orgId18() {
    return orgId18;
  }

  public void close() {
    scheduler.shutdownNow();
  }

  /** The demo org's credentials. */
  public static final class Demo {
    public static final String CLIENT_ID = "sfactions-demo";
    public static final String CLIENT_SECRET = "sfactions-demo-secret";
    public static final String USERNAME = "demo@sfactions.local";
    public static final String PASSWORD = "demo";
    public static final String SECURITY_TOKEN = "TOKEN";

    private Demo() {}
  }
}
