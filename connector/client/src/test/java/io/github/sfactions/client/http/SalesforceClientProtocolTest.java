package io.github.sfactions.client.http;

import static io.github.sfactions.client.http.OrgAnswers.body;
import static io.github.sfactions.client.http.OrgAnswers.json;
import static io.github.sfactions.client.http.OrgAnswers.token;
import static io.github.sfactions.client.http.OrgAnswers.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.ApiUsage;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkJobState;
import io.github.sfactions.client.BulkResults;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.CsvContent;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.QueryResult;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveResult;
import io.github.sfactions.client.SoqlBuildException;
import io.github.sfactions.client.UpsertResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact request shapes and answer handling over real HTTP on loopback, against a MockWebServer
 * scripted per test.
 */
class SalesforceClientProtocolTest {

  private static final String V = "/services/data/v62.0";
  private static final String LEAD_ID = "00Q000000000001AAA";

  private static final String SESSION_EXPIRED =
      "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

  private MockWebServer server;
  private SalesforceClient client;
  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    // an unexpected request gets a 404 at once instead of waiting for an answer that never comes
    QueueDispatcher queue = new QueueDispatcher();
    queue.setFailFast(json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"not scripted\"}]"));
    server.setDispatcher(queue);
    server.start(InetAddress.getLoopbackAddress(), 0);
    client = SalesforceClient.create(settings().build(), calls::add);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  /** Scripts the login and then the given answers, in order. */
  private void answers(MockResponse... responses) {
    server.enqueue(token(server, 1));
    for (MockResponse response : responses) {
      server.enqueue(response);
    }
  }

  private RecordedRequest next() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private RecordedRequest next(String method, String path) throws InterruptedException {
    RecordedRequest request = next();
    String target = request.getPath();
    int query = target.indexOf('?');
    assertThat(request.getMethod() + " " + (query < 0 ? target : target.substring(0, query)))
        .isEqualTo(method + " " + path);
    return request;
  }

  private RecordedRequest afterLogin(String method, String path) throws InterruptedException {
    next("POST", OrgAnswers.TOKEN_PATH);
    return next(method, path);
  }

  private ConnectionSettings.Builder settings() {
    return ConnectionSettings.builder()
        .loginUrl(OrgAnswers.loginUrl(server))
        .allowLocalInstance(true)
        .auth(
            new PasswordFlow(
                "client-id", "client-secret-123", "user@acme.com", "password-123", "SECTOKEN"));
  }

  @Test
  void passwordLoginPostsTheFormAndDataCallsUseTheReturnedInstanceUrl() throws Exception {
    answers(json(201, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[]}"));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", "Doe");
    fields.put("Company", "Acme");
    fields.put("Email", null);
    SaveResult result = client.create("Lead", fields);

    assertThat(result.id()).isEqualTo(LEAD_ID);
    assertThat(result.success()).isTrue();
    RecordedRequest token = next("POST", OrgAnswers.TOKEN_PATH);
    assertThat(token.getHeader("Host")).startsWith("localhost:");
    assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(OrgAnswers.form(token))
        .containsExactly(
            Map.entry("grant_type", "password"),
            Map.entry("client_id", "client-id"),
            Map.entry("client_secret", "client-secret-123"),
            Map.entry("username", "user@acme.com"),
            Map.entry("password", "password-123SECTOKEN"));
    RecordedRequest create = next("POST", V + "/sobjects/Lead");
    assertThat(create.getHeader("Host")).startsWith("127.0.0.1:");
    assertThat(create.getHeader("Authorization")).isEqualTo("Bearer 00Dstub!token-1");
    assertThat(create.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body(create))
        .isEqualTo("{\"LastName\":\"Doe\",\"Company\":\"Acme\",\"Email\":null}");
    assertThat(client.instanceUrl()).contains(OrgAnswers.instanceUrl(server) + "/");
  }

  @Test
  void queryIsSentToQuerySlashWithEncodeUriComponentEncoding() throws Exception {
    answers(
        json(
            200,
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Lead\",\"url\":\""
                + V
                + "/sobjects/Lead/"
                + LEAD_ID
                + "\"},\"Id\":\""
                + LEAD_ID
                + "\"}]}"));
    QueryResult result =
        client.query("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s (Krab)'", 10);

    assertThat(result.ids()).containsExactly(LEAD_ID);
    assertThat(result.records().get(0)).doesNotContainKey("attributes");
    assertThat(result.done()).isTrue();
    // OkHttp always percent-encodes ' in a query (%27); Salesforce decodes both forms alike.
    String target = afterLogin("GET", V + "/query/").getPath();
    String raw = target.substring(target.indexOf('?') + 1);
    assertThat(raw)
        .isEqualTo(
            "q=SELECT%20Id%20FROM%20Lead%20WHERE%20Company%20%3D%20%27Krusty%5C%27s%20(Krab)%27");
    assertThat(URLDecoder.decode(raw.substring(2), StandardCharsets.UTF_8))
        .isEqualTo("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s (Krab)'");
  }

  @Test
  void queryFollowsNextRecordsUrlAndStopsAtTheCap() throws Exception {
    MockResponse first = json(200, page(3, false, V + "/query/01gLOC-2", 0, 2));
    MockResponse second = json(200, page(7, false, V + "/query/01gLOC-4", 2, 2));
    answers(first, second, first, second, json(200, page(7, true, null, 4, 3)));

    QueryResult capped = client.query("SELECT Id FROM Lead", 3);
    assertThat(capped.records()).hasSize(3);
    assertThat(capped.done()).isFalse();
    afterLogin("GET", V + "/query/");
    next("GET", V + "/query/01gLOC-2");
    assertThat(server.getRequestCount()).as("the page after the cap is not fetched").isEqualTo(3);

    QueryResult all = client.query("SELECT Id FROM Lead", 100);
    assertThat(all.records())
        .extracting(r -> r.get("Name"))
        .containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
    assertThat(all.done()).isTrue();
    next("GET", V + "/query/");
    next("GET", V + "/query/01gLOC-2");
    next("GET", V + "/query/01gLOC-4");
    assertThat(calls)
        .extracting(ApiCall::operation)
        .contains(ApiOperation.QUERY, ApiOperation.QUERY_MORE);
  }

  private static String page(int total, boolean done, String next, int from, int count) {
    StringBuilder records = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      records
          .append(i > from ? "," : "")
          .append("{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00Q00000000000")
          .append(i)
          .append("AAA\",\"Name\":\"n")
          .append(i)
          .append("\"}");
    }
    return "{\"totalSize\":"
        + total
        + ",\"done\":"
        + done
        + (next == null ? "" : ",\"nextRecordsUrl\":\"" + next + "\"")
        + ",\"records\":["
        + records
        + "]}";
  }

  @Test
  void upsertEncodesTheExternalIdAndReadsCreatedUpdatedAndMultipleChoices() throws Exception {
    String path = V + "/sobjects/Lead/Ext__c/A%2F1%20x";
    answers(
        json(201, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[],\"created\":true}"),
        json(200, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[],\"created\":false}"),
        new MockResponse().setResponseCode(204),
        json(
                300,
                "[\""
                    + V
                    + "/sobjects/Lead/00Q000000000001AAA\",\""
                    + V
                    + "/sobjects/Lead/00Q000000000002AAA\"]")
            .setHeader("Location", "/elsewhere"));

    assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of("LastName", "Doe")))
        .isEqualTo(new UpsertResult(LEAD_ID, true));
    assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of("LastName", "Doe")))
        .isEqualTo(new UpsertResult(LEAD_ID, false));
    assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of()))
        .isEqualTo(new UpsertResult(null, false));
    assertThatThrownBy(() -> client.upsert("Lead", "Ext__c", "A/1 x", Map.of()))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(300);
              assertThat(e.errorCode()).isEqualTo(SalesforceApiException.MULTIPLE_CHOICES);
              assertThat(e.choices()).hasSize(2);
              assertThat(e.retryable()).isFalse();
              assertThat(e.path()).isEqualTo(path);
            });
    afterLogin("PATCH", path);
    for (int i = 0; i < 3; i++) {
      next("PATCH", path);
    }
    assertThat(server.getRequestCount()).as("the Location of the 300 is not followed").isEqualTo(5);
  }

  @Test
  void invalidNamesAndIdsAreRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> client.create("Lead/../x", Map.of()))
        .isInstanceOf(SoqlBuildException.class);
    assertThatThrownBy(() -> client.update("Lead", "00Q1", Map.of()))
        .isInstanceOf(SoqlBuildException.class)
        .hasMessageContaining("Invalid record id");
    assertThatThrownBy(() -> client.get("Lead", LEAD_ID, List.of("Name,Id")))
        .isInstanceOf(SoqlBuildException.class);
    assertThatThrownBy(() -> client.upsert("Lead", "Ext__c", "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void expiredSessionLogsInOnceAndReplaysOnce() throws Exception {
    answers(json(401, SESSION_EXPIRED), token(server, 2), new MockResponse().setResponseCode(204));
    client.delete("Lead", LEAD_ID);

    assertThat(afterLogin("DELETE", V + "/sobjects/Lead/" + LEAD_ID).getHeader("Authorization"))
        .isEqualTo("Bearer 00Dstub!token-1");
    next("POST", OrgAnswers.TOKEN_PATH);
    assertThat(next("DELETE", V + "/sobjects/Lead/" + LEAD_ID).getHeader("Authorization"))
        .isEqualTo("Bearer 00Dstub!token-2");
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(calls)
        .extracting(ApiCall::operation, ApiCall::status)
        .containsExactly(
            Tuple.tuple(ApiOperation.TOKEN, 200), Tuple.tuple(ApiOperation.DELETE, 401),
            Tuple.tuple(ApiOperation.TOKEN, 200), Tuple.tuple(ApiOperation.DELETE, 204));
  }

  @Test
  void aSecond401AfterTheReloginIsARetryableError() throws Exception {
    answers(json(401, SESSION_EXPIRED), token(server, 2), json(401, SESSION_EXPIRED));
    assertThatThrownBy(() -> client.get("Lead", LEAD_ID, List.of()))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).doesNotContain("token-", "Bearer");
            });
    afterLogin("GET", V + "/sobjects/Lead/" + LEAD_ID);
    next("POST", OrgAnswers.TOKEN_PATH);
    next("GET", V + "/sobjects/Lead/" + LEAD_ID);
    assertThat(server.getRequestCount()).as("one login and one replay, no more").isEqualTo(4);
  }

  @Test
  void theRestApiNotAllowedVariantDoesNotTriggerARelogin() throws Exception {
    answers(
        json(
            401,
            "[{\"message\":\"This session is not valid for use with the REST API\","
                + "\"errorCode\":\"INVALID_SESSION_ID\"}]"));
    assertThatThrownBy(() -> client.describeGlobal())
        .isInstanceOfSatisfying(
            SalesforceApiException.class, e -> assertThat(e.retryable()).isFalse());
    afterLogin("GET", V + "/sobjects");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void concurrentCallersAfterExpiryShareOneTokenRequest() throws Exception {
    CountDownLatch allArrived = new CountDownLatch(6);
    AtomicInteger tokensIssued = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest req) throws InterruptedException {
            if (OrgAnswers.TOKEN_PATH.equals(req.getPath())) {
              return token(server, tokensIssued.incrementAndGet());
            }
            if ("Bearer 00Dstub!token-1".equals(req.getHeader("Authorization"))) {
              // every caller holds the expired token before any of them sees the 401
              allArrived.countDown();
              allArrived.await(5, TimeUnit.SECONDS);
              return json(401, SESSION_EXPIRED);
            }
            return json(200, "{\"attributes\":{},\"Id\":\"" + LEAD_ID + "\"}");
          }
        });
    client.authenticate();
    List<Thread> threads = new ArrayList<>();
    List<Object> outcomes = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  outcomes.add(client.get("Lead", LEAD_ID, List.of()).get("Id"));
                } catch (RuntimeException e) {
                  outcomes.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(outcomes).hasSize(6).allMatch(LEAD_ID::equals);
    assertThat(tokensIssued).hasValue(2);
  }

  @Test
  void classifiesScriptedFailures() throws Exception {
    Map<Integer, String> bodies =
        Map.of(
            403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
            429, "",
            500, "[{\"message\":\"boom\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]",
            503, "<html>down</html>",
            400,
                "[{\"message\":\"Required fields are missing: [LastName]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"LastName\"]}]");
    answers();
    for (Map.Entry<Integer, String> e : bodies.entrySet()) {
      server.enqueue(json(e.getKey(), e.getValue()));
      assertThatThrownBy(() -> client.update("Lead", LEAD_ID, Map.of("LastName", "")))
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              ex -> {
                assertThat(ex.status()).isEqualTo(e.getKey());
                assertThat(ex.retryable())
                    .as("retryable for %s", e.getKey())
                    .isEqualTo(e.getKey() != 400);
                assertThat(ex.method()).isEqualTo("PATCH");
                assertThat(ex.path()).isEqualTo(V + "/sobjects/Lead/" + LEAD_ID);
              });
    }
    afterLogin("PATCH", V + "/sobjects/Lead/" + LEAD_ID);
    for (int i = 1; i < bodies.size(); i++) {
      next("PATCH", V + "/sobjects/Lead/" + LEAD_ID);
    }
    assertThat(server.getRequestCount())
        .as("the client itself retries none of them")
        .isEqualTo(1 + bodies.size());
    assertThat(calls.stream().filter(c -> c.operation() == ApiOperation.UPDATE))
        .extracting(ApiCall::retryable)
        .containsExactlyInAnyOrder(true, true, true, true, false);
  }

  @Test
  void readTimeoutIsARetryableErrorWithoutStatus() throws Exception {
    client.close();
    client =
        SalesforceClient.create(settings().readTimeout(Duration.ofMillis(300)).build(), calls::add);
    answers(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    assertThatThrownBy(() -> client.describe("Lead"))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT);
              assertThat(e.retryable()).isTrue();
            });
    afterLogin("GET", V + "/sobjects/Lead/describe");
    assertThat(calls.get(calls.size() - 1))
        .satisfies(
            c -> {
              assertThat(c.operation()).isEqualTo(ApiOperation.DESCRIBE);
              assertThat(c.status()).isZero();
              assertThat(c.retryable()).isTrue();
            });
  }

  @Test
  void aConnectionTheServerClosesAfterItsAnswerIsNotReusedSoTheNextPostGoesOutOnceOnANewOne()
      throws Exception {
    server.enqueue(token(server, 1));
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          json(200, "{\"DailyApiRequests\":{\"Max\":100,\"Remaining\":99}}")
              .setHeader("Connection", "close")
              .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
      server.enqueue(
          json(201, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[]}")
              .setHeader("Connection", "close")
              .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    }
    for (int i = 0; i < 3; i++) {
      client.limits();
      client.create("Lead", Map.of("LastName", "Doe", "Company", "Acme"));
    }

    next("POST", OrgAnswers.TOKEN_PATH);
    for (int i = 0; i < 3; i++) {
      assertThat(next("GET", V + "/limits").getSequenceNumber())
          .as("first request on its connection")
          .isZero();
      assertThat(next("POST", V + "/sobjects/Lead").getSequenceNumber())
          .as("first request on its connection")
          .isZero();
    }
    assertThat(server.getRequestCount()).as("each POST went out once").isEqualTo(7);
    assertThat(calls)
        .filteredOn(c -> c.operation() != ApiOperation.TOKEN)
        .extracting(ApiCall::status)
        .containsExactly(200, 201, 200, 201, 200, 201);
  }

  @Test
  void unreachableLoginHostIsARetryableIoError() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (SalesforceClient offline =
        SalesforceClient.create(settings().loginUrl("http://127.0.0.1:" + closedPort).build())) {
      assertThatThrownBy(offline::authenticate)
          .isInstanceOfSatisfying(
              SalesforceApiException.class,
              e -> {
                assertThat(e.status()).isZero();
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage())
                    .contains("username-password flow")
                    .doesNotContain("password-123", "client-secret-123", "SECTOKEN");
              });
    }
  }

  @Test
  void limitInfoIsExposedAfterEachCall() throws Exception {
    answers(
        json(200, "{\"sobjects\":[{\"name\":\"Lead\",\"keyPrefix\":\"00Q\",\"createable\":true}]}")
            .setHeader("Sforce-Limit-Info", "api-usage=42/15000"));
    assertThat(client.lastApiUsage()).isEmpty();
    assertThat(client.describeGlobal())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.name()).isEqualTo("Lead");
              assertThat(o.createable()).isTrue();
            });
    assertThat(client.lastApiUsage()).contains(new ApiUsage(42, 15000));
    client.describeGlobal();
    afterLogin("GET", V + "/sobjects");
    assertThat(server.getRequestCount())
        .as("the second describeGlobal is served from the cache")
        .isEqualTo(2);
  }

  @Test
  void instanceUrlOutsideSalesforceIsRefused() {
    server.enqueue(
        json(
            200,
            "{\"access_token\":\"tok-evil-123456\",\"instance_url\":"
                + "\"https://evil.salesforce.com.attacker.io\"}"));
    assertThatThrownBy(() -> client.describeGlobal())
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("INVALID_INSTANCE_URL");
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).doesNotContain("tok-evil-123456");
            });
    assertThat(server.getRequestCount()).as("only the login").isEqualTo(1);
  }

  @Test
  void collectionsSplitAt200AndSendAttributesFirst() throws Exception {
    answers(savedRecords(200), savedRecords(200), savedRecords(50));
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      records.add(Map.of("LastName", "n" + i));
    }
    List<SaveResult> results = client.createAll("Lead", records, false);
    assertThat(results).hasSize(450).allMatch(SaveResult::success);

    List<String> posts =
        List.of(
            body(afterLogin("POST", V + "/composite/sobjects")),
            body(next("POST", V + "/composite/sobjects")),
            body(next("POST", V + "/composite/sobjects")));
    assertThat(posts)
        .extracting(b -> b.split("\"attributes\"").length - 1)
        .containsExactly(200, 200, 50);
    assertThat(posts.get(0))
        .startsWith(
            "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"n0\"}");
    assertThatThrownBy(() -> client.createAll("Lead", records, true))
        .hasMessageContaining("allOrNone");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  private static MockResponse savedRecords(int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? "," : "")
          .append("{\"id\":\"00Q000000000001AAA\",\"success\":true,\"errors\":[]}");
    }
    return json(200, sb.append("]").toString());
  }

  @Test
  void bulkUploadStreamsCsvAndResultsAreParsed() throws Exception {
    String job = "750000000000001AAA";
    String jobPath = V + "/jobs/ingest/" + job;
    Map<String, MockResponse> results =
        Map.of(
            jobPath + "/successfulResults",
                typed(
                    200,
                    "text/csv",
                    "\"sf__Id\",\"sf__Created\",LastName,Ext__c\n\"00Q000000000001AAA\",\"true\",\"Doe\",\"E1\"\n"),
            jobPath + "/failedResults",
                typed(
                    200,
                    "text/csv",
                    "\"sf__Id\",\"sf__Error\",LastName,Ext__c\n\"\","
                        + "\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\",\"\",\"E2\"\n"),
            jobPath + "/unprocessedrecords", typed(200, "text/csv", "LastName,Ext__c\n"));
    answers(
        json(
            200,
            "{\"id\":\""
                + job
                + "\",\"object\":\"Lead\",\"operation\":\"upsert\",\"externalIdFieldName\":"
                + "\"Ext__c\",\"state\":\"Open\",\"contentUrl\":\"services/data/v62.0/jobs/ingest/"
                + job
                + "/batches\"}"),
        new MockResponse().setResponseCode(201),
        json(
            200,
            "{\"id\":\""
                + job
                + "\",\"state\":\"UploadComplete\",\"operation\":\"upsert\",\"object\":\"Lead\"}"));

    BulkJobInfo created = client.bulk().createJob(BulkJobRequest.upsert("Lead", "Ext__c"));
    assertThat(created.state()).isEqualTo(BulkJobState.OPEN);
    client.bulk().upload(job, CsvContent.of("LastName,Ext__c\nDoe,E1\n,E2\n"));
    assertThat(client.bulk().closeJob(job).state()).isEqualTo(BulkJobState.UPLOAD_COMPLETE);
    // the three result sets may be fetched in any order
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest req) {
            return "GET".equals(req.getMethod()) && results.containsKey(req.getPath())
                ? results.get(req.getPath())
                : json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"not scripted\"}]");
          }
        });
    BulkResults parsed = client.bulk().results(job);

    assertThat(body(afterLogin("POST", V + "/jobs/ingest")))
        .isEqualTo(
            "{\"object\":\"Lead\",\"contentType\":\"CSV\","
                + "\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\",\"lineEnding\":\"LF\",\"columnDelimiter\":\"COMMA\"}");
    RecordedRequest upload = next("PUT", jobPath + "/batches");
    assertThat(upload.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(body(upload)).isEqualTo("LastName,Ext__c\nDoe,E1\n,E2\n");
    assertThat(body(next("PATCH", jobPath))).isEqualTo("{\"state\":\"UploadComplete\"}");
    assertThat(List.of(next().getPath(), next().getPath(), next().getPath()))
        .containsExactlyInAnyOrderElementsOf(results.keySet());
    assertThat(parsed.byKey("Ext__c").get("E1").id()).isEqualTo("00Q000000000001AAA");
    assertThat(parsed.byKey("Ext__c").get("E2").errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(parsed.unprocessed()).isEmpty();
  }

  @Test
  void anUnreadableCsvSourceIsNotMistakenForANetworkFailure(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String job = "750000000000001AAA";
    answers();
    client.authenticate();
    assertThatThrownBy(() -> client.bulk().upload(job, CsvContent.of(dir.resolve("missing.csv"))))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(SalesforceApiException.class)
        .hasMessageContaining("Cannot read the CSV to upload")
        .hasMessageContaining("missing.csv");
    assertThat(calls.get(calls.size() - 1))
        .satisfies(
            c -> {
              assertThat(c.operation()).isEqualTo(ApiOperation.BULK_UPLOAD);
              assertThat(c.retryable()).isFalse();
            });
    assertThat(server.getRequestCount()).as("nothing was uploaded").isEqualTo(1);
  }

  @Test
  void aConfiguredProxyCarriesTheTokenAndDataCalls() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Proxy proxy =
        new Proxy(
            Proxy.Type.HTTP,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()));
    answers(json(200, "{\"sobjects\":[]}"));
    try (SalesforceClient proxied =
        SalesforceClient.create(
            settings().loginUrl("http://localhost:" + closedPort).proxy(proxy).build())) {
      assertThat(proxied.describeGlobal()).isEmpty();
    }
    // Only the proxy (the MockWebServer) was reachable; the login host's port was closed.
    assertThat(next().getRequestLine())
        .isEqualTo("POST http://localhost:" + closedPort + OrgAnswers.TOKEN_PATH + " HTTP/1.1");
    assertThat(next().getRequestLine())
        .isEqualTo("GET " + OrgAnswers.instanceUrl(server) + V + "/sobjects HTTP/1.1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateAnsweredWithASuccessStatusAndAnUnreadableBodyIsCreatedWithoutId() throws Exception {
    // the status is the outcome: a retry would create the record a second time
    answers(typed(201, "text/html", "<html>maintenance</html>"));
    SaveResult created = client.create("Lead", Map.of("LastName", "Doe"));
    assertThat(created.success()).isTrue();
    assertThat(created.id()).isNull();
    afterLogin("POST", V + "/sobjects/Lead");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aReadWithASuccessStatusAndAnUnreadableBodyIsAClearRetryableError() {
    answers(typed(200, "text/html", "<html>maintenance</html>"));
    assertThatThrownBy(() -> client.describeGlobal())
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.errorCode()).isEqualTo("INVALID_RESPONSE");
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage())
                  .contains("GET " + V + "/sobjects", "not the expected JSON");
            });
  }

  @Test
  void aFailingListenerNeverFailsTheCall() throws Exception {
    answers(new MockResponse().setResponseCode(204));
    try (SalesforceClient noisy =
        SalesforceClient.create(
            settings().build(),
            call -> {
              throw new IllegalStateException("metrics backend down");
            })) {
      noisy.delete("Lead", LEAD_ID);
    }
    afterLogin("DELETE", V + "/sobjects/Lead/" + LEAD_ID);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
