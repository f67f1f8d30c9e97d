package io.github.sfactions.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.client.impl.ApiNames;
import io.github.sfactions.client.impl.CallNotifier;
import io.github.sfactions.client.impl.CallSpec;
import io.github.sfactions.client.impl.Json;
import io.github.sfactions.client.impl.Mappers;
import io.github.sfactions.client.impl.NoDelaySocketFactory;
import io.github.sfactions.client.impl.RestExecutor;
import io.github.sfactions.client.impl.Session;
import io.github.sfactions.client.impl.StaleConnections;
import io.github.sfactions.client.impl.TokenClient;
import io.github.sfactions.client.impl.TokenManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A thread-safe client for one Salesforce connection: REST sObjects, SOQL query with paging,
 * describe, sObject Collections and Bulk API 2.0 ingest ({@link #bulk()}).
 *
 * <p>One access token is cached and shared by all threads. It is obtained on the first call; when a
 * call answers 401 {@code INVALID_SESSION_ID} the client logs in once (concurrent callers wait for
 * that one login) and replays the call once. Every failure is a {@link SalesforceApiException};
 * invalid names and ids are rejected with {@link SoqlBuildException} before any HTTP call.
 */
public final class SalesforceClient implements AutoCloseable {

  /** Most records per sObject Collections call. */
  public static final int COLLECTION_LIMIT = 200;

  private static final String V = "/services/data/{version}";

  /** OkHttp's default: enough for the job executor's threads to reuse connections. */
  private static final int MAX_IDLE_CONNECTIONS = 5;

  private final ConnectionSettings settings;
  private final OkHttpClient http;
  private final TokenManager tokens;
  private final RestExecutor rest;
  private final BulkIngest bulk;
  private final Map<String, SObjectDescribe> describeCache;
  private final AtomicReference<List<GlobalSObject>> globalCache;

  /**
   * False for a {@link #withCallListener view}: the pool and dispatcher belong to the client it
   * came from.
   */
  private final boolean owner;

  private SalesforceClient(
      ConnectionSettings settings, OkHttpClient base, ApiCallListener listener, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = httpClient(settings, base);
    CallNotifier notifier = new CallNotifier(listener);
    TokenClient tokenClient = new TokenClient(http, settings, notifier, clock);
    this.tokens = new TokenManager(tokenClient::login);
    this.rest =
        new RestExecutor(http, tokens, settings.apiVersion(), settings.userAgent(), notifier);
    this.bulk = new BulkIngest(rest);
    this.describeCache = new ConcurrentHashMap<>();
    this.globalCache = new AtomicReference<>();
    this.owner = true;
  }

  private SalesforceClient(SalesforceClient shared, RestExecutor rest) {
    this.settings = shared.settings;
    this.http = shared.http;
    this.tokens = shared.tokens;
    this.rest = rest;
    this.bulk = new BulkIngest(rest);
    this.describeCache = shared.describeCache;
    this.globalCache = shared.globalCache;
    this.owner = false;
  }

  /**
   * Our HTTP client, derived from the user's base client: its interceptors, network interceptors,
   * event listener, proxy selector, authenticators, certificate pinner, SSL and socket factories,
   * DNS and cookie jar apply. What this client's correctness needs is set on top and replaces the
   * base's choice.
   */
  private static OkHttpClient httpClient(ConnectionSettings settings, OkHttpClient base) {
    OkHttpClient.Builder builder =
        base.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            // Idle connections go before the server's idle timeout closes them under a request. Our
            // own pool
            // (and dispatcher) also means close() never shuts down what the base client shares with
            // others.
            .connectionPool(
                new ConnectionPool(
                    MAX_IDLE_CONNECTIONS, settings.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
            .dispatcher(new Dispatcher())
            // OkHttp's own retry replays any method on a recycled connection, a POST too, which
            // could create
            // a record twice: off. RestExecutor replays only what StaleConnections allows.
            .retryOnConnectionFailure(false)
            .eventListenerFactory(StaleConnections.listener(base.eventListenerFactory()))
            // 300 is an upsert answer, not a redirect; and a token must never follow a redirect.
            .followRedirects(false)
            .followSslRedirects(false)
            .socketFactory(new NoDelaySocketFactory(base.socketFactory()));
    settings.proxy().ifPresent(builder::proxy);
    return builder.build();
  }

  public static SalesforceClient create(ConnectionSettings settings) {
    return builder(settings).build();
  }

  /** A client that reports every HTTP call to {@code listener}. */
  public static SalesforceClient create(ConnectionSettings settings, ApiCallListener listener) {
    return builder(settings).callListener(listener).build();
  }

  /**
   * A builder for a client of this connection, e.g. over a base {@link OkHttpClient} of your own.
   */
  public static Builder builder(ConnectionSettings settings) {
    return new Builder(settings);
  }

  /**
   * A view of this client whose calls are also reported to {@code listener} (after this client's
   * listener): same token, connection pool, caches and {@link #lastApiUsage()}; only the calls made
   * through the view reach {@code listener}, so a caller can count the calls of one unit of work
   * while other threads use the client. Token requests are reported to this client's listener only.
   * Closing a view does nothing.
   */
  public SalesforceClient withCallListener(ApiCallListener listener) {
    Objects.requireNonNull(listener, "listener");
    return new SalesforceClient(this, rest.reportingTo(rest.notifier().with(listener)));
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** Logs in now unless a token is cached (e.g. to check credentials at start-up). */
  public void authenticate() {
    tokens.session();
  }

  /** The instance URL of the cached token, if logged in. */
  public Optional<String> instanceUrl() {
    return tokens.cached().map(Session::instanceUrl).map(Object::toString);
  }

  /** Daily API usage from the last response that carried {@code Sforce-Limit-Info}. */
  public Optional<ApiUsage> lastApiUsage() {
    return rest.lastApiUsage();
  }

  /**
   * {@code POST /sobjects/{sobject}}: creates one record. The HTTP status is the outcome: any 2xx
   * is a created record, whatever the body says (it may lack {@code success}, be {@code {}}, be
   * empty or not even JSON); {@link SaveResult#id()} is the body's {@code id} when present, else
   * null. An error status throws.
   */
  public SaveResult create(String sobject, Map<String, ?> fields) {
    ApiNames.requireObject(sobject);
    Objects.requireNonNull(fields, "fields");
    return rest.execute(
        CallSpec.json(
            "POST",
            ApiOperation.CREATE,
            sobject,
            V + "/sobjects/{sobject}",
            u -> u.addPathSegment("sobjects").addPathSegment(sobject),
            Json.body(fields)),
        r -> new SaveResult(Json.lenientId(r), true, true, List.of()));
  }

  /**
   * {@code GET /sobjects/{sobject}/{id}[?fields=...]}: the record's fields (all when {@code fields}
   * is empty), without {@code attributes}. A missing record is a {@link SalesforceApiException}
   * with status 404.
   */
  public Map<String, Object> get(String sobject, String id, List<String> fields) {
    ApiNames.requireObject(sobject);
    ApiNames.requireId(id);
    List<String> checked =
        fields == null ? List.of() : fields.stream().map(ApiNames::requireField).toList();
    return rest.execute(
        CallSpec.json(
            "GET",
            ApiOperation.GET,
            sobject,
            V + "/sobjects/{sobject}/{id}",
            u -> {
              u.addPathSegment("sobjects").addPathSegment(sobject).addPathSegment(id);
              return checked.isEmpty()
                  ? u
                  : u.addQueryParameter("fields", String.join(",", checked));
            },
            null),
        r -> Mappers.record(Json.read(r.body().byteStream())));
  }

  /** {@code PATCH /sobjects/{sobject}/{id}} (204). A {@code null} value clears the field. */
  public void update(String sobject, String id, Map<String, ?> fields) {
    ApiNames.requireObject(sobject);
    ApiNames.requireId(id);
    Objects.requireNonNull(fields, "fields");
    rest.execute(
        CallSpec.json(
            "PATCH",
            ApiOperation.UPDATE,
            sobject,
            V + "/sobjects/{sobject}/{id}",
            u -> u.addPathSegment("sobjects").addPathSegment(sobject).addPathSegment(id),
            Json.body(fields)),
        r -> null);
  }

  /** {@code DELETE /sobjects/{sobject}/{id}} (204). */
  public void delete(String sobject, String id) {
    ApiNames.requireObject(sobject);
    ApiNames.requireId(id);
    rest.execute(
        CallSpec.json(
            "DELETE",
            ApiOperation.DELETE,
            sobject,
            V + "/sobjects/{sobject}/{id}",
            u -> u.addPathSegment("sobjects").addPathSegment(sobject).addPathSegment(id),
            null),
        r -> null);
  }

  /**
   * {@code PATCH /sobjects/{sobject}/{externalIdField}/{value}} (value URL-encoded as one path
   * segment). The HTTP status is the outcome: 201 created, any other 2xx (200, or 204 before API
   * 46.0) updated, whatever the body says; the id is the body's {@code id} when present. Several
   * matches answer 300, raised as a {@link SalesforceApiException} with status 300, error code
   * {@link SalesforceApiException#MULTIPLE_CHOICES} and {@link SalesforceApiException#choices()}.
   */
  public UpsertResult upsert(
      String sobject, String externalIdField, String value, Map<String, ?> fields) {
    ApiNames.requireObject(sobject);
    ApiNames.requireField(externalIdField);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "An upsert needs a non-empty " + externalIdField + " value");
    }
    Objects.requireNonNull(fields, "fields");
    return rest.execute(
        CallSpec.json(
            "PATCH",
            ApiOperation.UPSERT,
            sobject,
            V + "/sobjects/{sobject}/{externalIdField}/{value}",
            u ->
                u.addPathSegment("sobjects")
                    .addPathSegment(sobject)
                    .addPathSegment(externalIdField)
                    .addPathSegment(value),
            Json.body(fields)),
        r -> new UpsertResult(Json.lenientId(r), r.code() == 201));
  }

  /**
   * Runs a SOQL query ({@code GET /query/?q=}) and follows {@code nextRecordsUrl} until all rows or
   * {@code maxRecords} rows are read; pages beyond the cap are not requested. A 2xx answer without
   * a non-negative integer {@code totalSize} (or without a body) is a {@link
   * SalesforceApiException} with {@link SalesforceApiException#INCOMPLETE_RESPONSE}, not retryable:
   * it is never read as "no rows".
   */
  public QueryResult query(String soql, int maxRecords) {
    if (soql == null || soql.isBlank()) {
      throw new IllegalArgumentException("SOQL query is empty");
    }
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
    }
    JsonNode page =
        rest.execute(
            CallSpec.json(
                "GET",
                ApiOperation.QUERY,
                null,
                V + "/query/",
                u ->
                    u.addPathSegment("query")
                        .addPathSegment("")
                        .addEncodedQueryParameter("q", Soql.encodeURIComponent(soql)),
                null),
            r -> Json.read(r.body().byteStream()));
    int totalSize = totalSize(page);
    List<Map<String, Object>> records = new ArrayList<>();
    while (true) {
      JsonNode rows = page.get("records");
      if (rows != null) {
        for (JsonNode row : rows) {
          if (records.size() == maxRecords) {
            return new QueryResult(totalSize, false, records);
          }
          records.add(Mappers.record(row));
        }
      }
      String next = Json.text(page, "nextRecordsUrl");
      if (Json.bool(page, "done") || next == null) {
        return new QueryResult(totalSize, true, records);
      }
      if (records.size() == maxRecords) {
        return new QueryResult(totalSize, false, records);
      }
      page = queryMore(next);
    }
  }

  /**
   * The first page's {@code totalSize}; a 2xx answer without it (or without a body) cannot be
   * counted.
   */
  private static int totalSize(JsonNode page) {
    JsonNode total = page == null ? null : page.get("totalSize");
    if (total == null
        || !total.canConvertToInt()
        || !total.isIntegralNumber()
        || total.intValue() < 0) {
      throw SalesforceApiException.builder(200, "GET " + V + "/query/ answered without a totalSize")
          .errorCode(SalesforceApiException.INCOMPLETE_RESPONSE)
          .method("GET")
          .path(V + "/query/")
          .retryable(false)
          .build();
    }
    return total.intValue();
  }

  private JsonNode queryMore(String nextRecordsUrl) {
    if (!nextRecordsUrl.startsWith("/services/data/")) {
      throw SalesforceApiException.builder(
              200, "Unexpected nextRecordsUrl in a query answer: " + nextRecordsUrl)
          .errorCode("INVALID_QUERY_LOCATOR")
          .method("GET")
          .path(V + "/query")
          .build();
    }
    int queryIndex = nextRecordsUrl.indexOf('?');
    String path = queryIndex < 0 ? nextRecordsUrl : nextRecordsUrl.substring(0, queryIndex);
    return rest.execute(
        CallSpec.json(
            "GET",
            ApiOperation.QUERY_MORE,
            null,
            V + "/query/{locator}",
            u -> u.encodedPath(path),
            null),
        r -> Json.read(r.body().byteStream()));
  }

  /** {@code GET /sobjects/{sobject}/describe}, cached per object for the life of the client. */
  public SObjectDescribe describe(String sobject) {
    ApiNames.requireObject(sobject);
    String key = sobject.toLowerCase(Locale.ROOT);
    SObjectDescribe cached = describeCache.get(key);
    if (cached != null) {
      return cached;
    }
    SObjectDescribe fresh =
        rest.execute(
            CallSpec.json(
                "GET",
                ApiOperation.DESCRIBE,
                sobject,
                V + "/sobjects/{sobject}/describe",
                u ->
                    u.addPathSegment("sobjects").addPathSegment(sobject).addPathSegment("describe"),
                null),
            r -> Mappers.describe(Json.read(r.body().byteStream())));
    SObjectDescribe raced = describeCache.putIfAbsent(key, fresh);
    return raced != null ? raced : fresh;
  }

  /** {@code GET /sobjects}: every object of the org, cached for the life of the client. */
  public List<GlobalSObject> describeGlobal() {
    List<GlobalSObject> cached = globalCache.get();
    if (cached != null) {
      return cached;
    }
    List<GlobalSObject> fresh =
        List.copyOf(
            rest.execute(
                CallSpec.json(
                    "GET",
                    ApiOperation.DESCRIBE_GLOBAL,
                    null,
                    V + "/sobjects",
                    u -> u.addPathSegment("sobjects"),
                    null),
                r -> Mappers.describeGlobal(Json.read(r.body().byteStream()))));
    globalCache.compareAndSet(null, fresh);
    return fresh;
  }

  /**
   * {@code GET /limits}: the org's limits, e.g. {@link OrgLimits#dailyApiUsage()} (costs one API
   * call).
   */
  public OrgLimits limits() {
    return rest.execute(
        CallSpec.json(
            "GET", ApiOperation.LIMITS, null, V + "/limits", u -> u.addPathSegment("limits"), null),
        r -> Mappers.limits(Json.read(r.body().byteStream())));
  }

  /** Forgets cached describe answers (after a metadata change). */
  public void clearDescribeCache() {
    describeCache.clear();
    globalCache.set(null);
  }

  /**
   * sObject Collections create ({@code POST /composite/sobjects}), {@value #COLLECTION_LIMIT}
   * records per call, results in input order. {@code allOrNone} is atomic per call, so it is
   * refused for more than {@value #COLLECTION_LIMIT} records.
   */
  public List<SaveResult> createAll(
      String sobject, List<? extends Map<String, ?>> records, boolean allOrNone) {
    ApiNames.requireObject(sobject);
    checkCollection(records, allOrNone);
    return inChunks(
        records,
        chunk ->
            rest.execute(
                CallSpec.json(
                    "POST",
                    ApiOperation.COLLECTION_CREATE,
                    sobject,
                    V + "/composite/sobjects",
                    u -> u.addPathSegment("composite").addPathSegment("sobjects"),
                    Json.body(collectionBody(sobject, chunk, allOrNone))),
                r -> Mappers.saveResults(Json.read(r.body().byteStream()))));
  }

  /**
   * sObject Collections update ({@code PATCH /composite/sobjects}); each record must hold its
   * {@code Id}.
   */
  public List<SaveResult> updateAll(
      String sobject, List<? extends Map<String, ?>> records, boolean allOrNone) {
    ApiNames.requireObject(sobject);
    checkCollection(records, allOrNone);
    for (Map<String, ?> record : records) {
      Object id =
          record.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase("Id"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      ApiNames.requireId(id instanceof String s ? s : null);
    }
    return inChunks(
        records,
        chunk ->
            rest.execute(
                CallSpec.json(
                    "PATCH",
                    ApiOperation.COLLECTION_UPDATE,
                    sobject,
                    V + "/composite/sobjects",
                    u -> u.addPathSegment("composite").addPathSegment("sobjects"),
                    Json.body(collectionBody(sobject, chunk, allOrNone))),
                r -> Mappers.saveResults(Json.read(r.body().byteStream()))));
  }

  /** sObject Collections upsert ({@code PATCH /composite/sobjects/{sobject}/{externalIdField}}). */
  public List<SaveResult> upsertAll(
      String sobject,
      String externalIdField,
      List<? extends Map<String, ?>> records,
      boolean allOrNone) {
    ApiNames.requireObject(sobject);
    ApiNames.requireField(externalIdField);
    checkCollection(records, allOrNone);
    return inChunks(
        records,
        chunk ->
            rest.execute(
                CallSpec.json(
                    "PATCH",
                    ApiOperation.COLLECTION_UPSERT,
                    sobject,
                    V + "/composite/sobjects/{sobject}/{externalIdField}",
                    u ->
                        u.addPathSegment("composite")
                            .addPathSegment("sobjects")
                            .addPathSegment(sobject)
                            .addPathSegment(externalIdField),
                    Json.body(collectionBody(sobject, chunk, allOrNone))),
                r -> Mappers.saveResults(Json.read(r.body().byteStream()))));
  }

  /** sObject Collections delete ({@code DELETE /composite/sobjects?ids=...}). */
  public List<SaveResult> deleteAll(List<String> ids, boolean allOrNone) {
    checkCollection(ids, allOrNone);
    ids.forEach(ApiNames::requireId);
    return inChunks(
        ids,
        chunk ->
            rest.execute(
                CallSpec.json(
                    "DELETE",
                    ApiOperation.COLLECTION_DELETE,
                    null,
                    V + "/composite/sobjects",
                    u ->
                        u.addPathSegment("composite")
                            .addPathSegment("sobjects")
                            .addQueryParameter("ids", String.join(",", chunk))
                            .addQueryParameter("allOrNone", String.valueOf(allOrNone)),
                    null),
                r -> Mappers.saveResults(Json.read(r.body().byteStream()))));
  }

  /** Bulk API 2.0 ingest with this client's token. */
  public BulkIngest bulk() {
    return bulk;
  }

  /**
   * Releases this client's connections; the base client given to the {@link Builder} stays usable.
   */
  @Override
  public void close() {
    if (owner) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void checkCollection(Collection<?> records, boolean allOrNone) {
    Objects.requireNonNull(records, "records");
    if (allOrNone && records.size() > COLLECTION_LIMIT) {
      throw new IllegalArgumentException(
          "allOrNone is atomic only within one call of at most "
              + COLLECTION_LIMIT
              + " records; got "
              + records.size());
    }
  }

  private static Map<String, Object> collectionBody(
      String sobject, List<? extends Map<String, ?>> chunk, boolean allOrNone) {
    List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
    for (Map<String, ?> record : chunk) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("attributes", Map.of("type", sobject));
      record.forEach(
          (k, v) -> {
            if (!"attributes".equals(k)) {
              row.put(k, v);
            }
          });
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("allOrNone", allOrNone);
    body.put("records", rows);
    return body;
  }

  private static <T> List<SaveResult> inChunks(
      List<T> items, Function<List<T>, List<SaveResult>> call) {
    List<SaveResult> results = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += COLLECTION_LIMIT) {
      results.addAll(
          call.apply(items.subList(from, Math.min(items.size(), from + COLLECTION_LIMIT))));
    }
    return results;
  }

  /**
   * Builds a {@link SalesforceClient}. The {@linkplain #httpClient base client} is where
   * interceptors, a proxy selector, certificate pinning, an event listener, DNS or SSL settings of
   * your own go; the client derives its HTTP client from it with {@link OkHttpClient#newBuilder()}
   * and sets on top, replacing the base's value:
   *
   * <ul>
   *   <li>connect, read and write timeouts: from {@link ConnectionSettings} (one place to configure
   *       them);
   *   <li>its own connection pool (idle connections live {@link ConnectionSettings#keepAlive()},
   *       below the server's idle timeout) and dispatcher, so closing the client leaves the base
   *       client intact;
   *   <li>{@code retryOnConnectionFailure(false)}: OkHttp would resend a POST and create a record
   *       twice; the client resends only idempotent calls that met a stale pooled connection;
   *   <li>no redirects: a 300 is an upsert answer, and a token must never follow a redirect;
   *   <li>the proxy, when {@link ConnectionSettings#proxy()} names one (else the base's proxy
   *       stays);
   *   <li>sockets with {@code TCP_NODELAY}, made by the base's socket factory.
   * </ul>
   *
   * The base's event listener still receives every event.
   */
  public static final class Builder {
    private final ConnectionSettings settings;
    private OkHttpClient base;
    private ApiCallListener listener = ApiCallListener.NONE;

    private Builder(ConnectionSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The base HTTP client to derive from (default: a new {@code OkHttpClient}). */
    public Builder httpClient(OkHttpClient base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /** Notified of every HTTP call, token requests included (default: none). */
    public Builder callListener(ApiCallListener listener) {
      this.listener = listener == null ? ApiCallListener.NONE : listener;
      return this;
    }

    public SalesforceClient build() {
      return new SalesforceClient(
          settings, base == null ? new OkHttpClient() : base, listener, Clock.systemUTC());
    }
  }
}
