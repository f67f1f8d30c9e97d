package io.github.sfactions.client.http;

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
import io.github.sfactions.client.http.StubSalesforce.Answer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact request shapes and answer handling over real HTTP on loopback, against a scripted server. */
class SalesforceClientProtocolTest {

    private static final String V = "/services/data/v62.0";
    private static final String LEAD_ID = "00Q000000000001AAA";

    private StubSalesforce stub;
    private SalesforceClient client;
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new StubSalesforce();
        client = SalesforceClient.create(settings().build(), calls::add);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private ConnectionSettings.Builder settings() {
        return ConnectionSettings.builder().loginUrl(stub.loginUrl()).allowLocalInstance(true)
                .auth(new PasswordFlow("client-id", "client-secret-123", "user@acme.com", "password-123", "SECTOKEN"));
    }

    @Test
    void passwordLoginPostsTheFormAndDataCallsUseTheReturnedInstanceUrl() {
        stub.on("POST", V + "/sobjects/Lead", req -> Answer.json(201,
                "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[]}"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", "Doe");
        fields.put("Company", "Acme");
        fields.put("Email", null);
        SaveResult result = client.create("Lead", fields);

        assertThat(result.id()).isEqualTo(LEAD_ID);
        assertThat(result.success()).isTrue();
        StubSalesforce.Received token = stub.received("/services/oauth2/token").get(0);
        assertThat(token.header("Host")).startsWith("localhost:");
        assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.form()).containsExactly(Map.entry("grant_type", "password"), Map.entry("client_id", "client-id"),
                Map.entry("client_secret", "client-secret-123"), Map.entry("username", "user@acme.com"),
                Map.entry("password", "password-123SECTOKEN"));
        StubSalesforce.Received create = stub.received(V).get(0);
        assertThat(create.header("Host")).startsWith("127.0.0.1:");
        assertThat(create.header("Authorization")).isEqualTo("Bearer 00Dstub!token-1");
        assertThat(create.header("Content-Type")).startsWith("application/json");
        assertThat(create.body()).isEqualTo("{\"LastName\":\"Doe\",\"Company\":\"Acme\",\"Email\":null}");
        assertThat(client.instanceUrl()).contains(stub.instanceUrl() + "/");
    }

    @Test
    void queryIsSentToQuerySlashWithEncodeUriComponentEncoding() {
        stub.on("GET", V + "/query/", req -> Answer.json(200, "{\"totalSize\":1,\"done\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"Lead\",\"url\":\"" + V + "/sobjects/Lead/" + LEAD_ID + "\"},\"Id\":\""
                + LEAD_ID + "\"}]}"));
        QueryResult result = client.query("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s (Krab)'", 10);

        assertThat(result.ids()).containsExactly(LEAD_ID);
        assertThat(result.records().get(0)).doesNotContainKey("attributes");
        assertThat(result.done()).isTrue();
        // OkHttp always percent-encodes ' in a query (%27); Salesforce decodes both forms alike.
        String raw = stub.received(V + "/query").get(0).rawQuery();
        assertThat(raw).isEqualTo("q=SELECT%20Id%20FROM%20Lead%20WHERE%20Company%20%3D%20%27Krusty%5C%27s%20(Krab)%27");
        assertThat(java.net.URLDecoder.decode(raw.substring(2), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s (Krab)'");
    }

    @Test
    void queryFollowsNextRecordsUrlAndStopsAtTheCap() {
        stub.on("GET", V + "/query/", req -> Answer.json(200, page(3, false, V + "/query/01gLOC-2", 0, 2)));
        stub.on("GET", V + "/query/01gLOC-2", req -> Answer.json(200, page(7, false, V + "/query/01gLOC-4", 2, 2)));
        stub.on("GET", V + "/query/01gLOC-4", req -> Answer.json(200, page(7, true, null, 4, 3)));

        QueryResult capped = client.query("SELECT Id FROM Lead", 3);
        assertThat(capped.records()).hasSize(3);
        assertThat(capped.done()).isFalse();
        assertThat(stub.received(V + "/query/01gLOC-4")).isEmpty();

        QueryResult all = client.query("SELECT Id FROM Lead", 100);
        assertThat(all.records()).extracting(r -> r.get("Name")).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
        assertThat(all.done()).isTrue();
        assertThat(calls).extracting(ApiCall::operation).contains(ApiOperation.QUERY, ApiOperation.QUERY_MORE);
    }

    private static String page(int total, boolean done, String next, int from, int count) {
        StringBuilder records = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            records.append(i > from ? "," : "").append("{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00Q00000000000")
                    .append(i).append("AAA\",\"Name\":\"n").append(i).append("\"}");
        }
        return "{\"totalSize\":" + total + ",\"done\":" + done + (next == null ? "" : ",\"nextRecordsUrl\":\"" + next + "\"")
                + ",\"records\":[" + records + "]}";
    }

    @Test
    void upsertEncodesTheExternalIdAndReadsCreatedUpdatedAndMultipleChoices() {
        String path = V + "/sobjects/Lead/Ext__c/A%2F1%20x";
        stub.on("PATCH", path, req -> Answer.json(201, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[],\"created\":true}"));
        assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of("LastName", "Doe")))
                .isEqualTo(new UpsertResult(LEAD_ID, true));

        stub.on("PATCH", path, req -> Answer.json(200, "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[],\"created\":false}"));
        assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of("LastName", "Doe")))
                .isEqualTo(new UpsertResult(LEAD_ID, false));

        stub.on("PATCH", path, req -> Answer.empty(204));
        assertThat(client.upsert("Lead", "Ext__c", "A/1 x", Map.of())).isEqualTo(new UpsertResult(null, false));

        stub.on("PATCH", path, req -> Answer.json(300, "[\"" + V + "/sobjects/Lead/00Q000000000001AAA\",\"" + V
                + "/sobjects/Lead/00Q000000000002AAA\"]").withHeader("Location", "/elsewhere"));
        assertThatThrownBy(() -> client.upsert("Lead", "Ext__c", "A/1 x", Map.of()))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(300);
                    assertThat(e.errorCode()).isEqualTo(SalesforceApiException.MULTIPLE_CHOICES);
                    assertThat(e.choices()).hasSize(2);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.path()).isEqualTo(path);
                });
        assertThat(stub.received("/elsewhere")).isEmpty();
    }

    @Test
    void invalidNamesAndIdsAreRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> client.create("Lead/../x", Map.of())).isInstanceOf(SoqlBuildException.class);
        assertThatThrownBy(() -> client.update("Lead", "00Q1", Map.of())).isInstanceOf(SoqlBuildException.class)
                .hasMessageContaining("Invalid record id");
        assertThatThrownBy(() -> client.get("Lead", LEAD_ID, List.of("Name,Id"))).isInstanceOf(SoqlBuildException.class);
        assertThatThrownBy(() -> client.upsert("Lead", "Ext__c", "", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void expiredSessionLogsInOnceAndReplaysOnce() {
        stub.on("DELETE", V + "/sobjects/Lead/" + LEAD_ID, req -> "Bearer 00Dstub!token-1".equals(req.header("Authorization"))
                ? Answer.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")
                : Answer.empty(204));
        client.delete("Lead", LEAD_ID);
        assertThat(stub.tokensIssued()).isEqualTo(2);
        assertThat(stub.received(V)).hasSize(2);
        assertThat(calls).extracting(ApiCall::operation, ApiCall::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ApiOperation.TOKEN, 200),
                org.assertj.core.groups.Tuple.tuple(ApiOperation.DELETE, 401),
                org.assertj.core.groups.Tuple.tuple(ApiOperation.TOKEN, 200),
                org.assertj.core.groups.Tuple.tuple(ApiOperation.DELETE, 204));
    }

    @Test
    void aSecond401AfterTheReloginIsARetryableError() {
        stub.on("GET", V + "/sobjects/Lead/" + LEAD_ID, req ->
                Answer.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"));
        assertThatThrownBy(() -> client.get("Lead", LEAD_ID, List.of()))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("token-", "Bearer");
                });
        assertThat(stub.tokensIssued()).isEqualTo(2);
        assertThat(stub.received(V)).hasSize(2);
    }

    @Test
    void theRestApiNotAllowedVariantDoesNotTriggerARelogin() {
        stub.on("GET", V + "/sobjects", req -> Answer.json(401,
                "[{\"message\":\"This session is not valid for use with the REST API\",\"errorCode\":\"INVALID_SESSION_ID\"}]"));
        assertThatThrownBy(() -> client.describeGlobal())
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(stub.tokensIssued()).isEqualTo(1);
    }

    @Test
    void concurrentCallersAfterExpiryShareOneTokenRequest() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(6);
        stub.on("GET", V + "/sobjects/Lead/" + LEAD_ID, req -> {
            if ("Bearer 00Dstub!token-1".equals(req.header("Authorization"))) {
                allArrived.countDown();
                allArrived.await(5, TimeUnit.SECONDS);
                return Answer.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
            }
            return Answer.json(200, "{\"attributes\":{},\"Id\":\"" + LEAD_ID + "\"}");
        });
        client.authenticate();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> {
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
        assertThat(stub.tokensIssued()).isEqualTo(2);
    }

    @Test
    void classifiesScriptedFailures() {
        Map<Integer, String> bodies = Map.of(
                403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                429, "",
                500, "[{\"message\":\"boom\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]",
                503, "<html>down</html>",
                400, "[{\"message\":\"Required fields are missing: [LastName]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"LastName\"]}]");
        for (Map.Entry<Integer, String> e : bodies.entrySet()) {
            stub.on("PATCH", V + "/sobjects/Lead/" + LEAD_ID, req -> Answer.json(e.getKey(), e.getValue()));
            assertThatThrownBy(() -> client.update("Lead", LEAD_ID, Map.of("LastName", "")))
                    .isInstanceOfSatisfying(SalesforceApiException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(e.getKey());
                        assertThat(ex.retryable()).as("retryable for %s", e.getKey()).isEqualTo(e.getKey() != 400);
                        assertThat(ex.method()).isEqualTo("PATCH");
                        assertThat(ex.path()).isEqualTo(V + "/sobjects/Lead/" + LEAD_ID);
                    });
        }
        assertThat(calls.stream().filter(c -> c.operation() == ApiOperation.UPDATE))
                .extracting(ApiCall::retryable).containsExactlyInAnyOrder(true, true, true, true, false);
    }

    @Test
    void readTimeoutIsARetryableErrorWithoutStatus() {
        client.close();
        client = SalesforceClient.create(settings().readTimeout(Duration.ofMillis(300)).build(), calls::add);
        CountDownLatch never = new CountDownLatch(1);
        stub.on("GET", V + "/sobjects/Lead/describe", req -> {
            never.await(3, TimeUnit.SECONDS);
            return Answer.json(200, "{}");
        });
        assertThatThrownBy(() -> client.describe("Lead"))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.errorCode()).isEqualTo(SalesforceApiException.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
        never.countDown();
        assertThat(calls.get(calls.size() - 1)).satisfies(c -> {
            assertThat(c.operation()).isEqualTo(ApiOperation.DESCRIBE);
            assertThat(c.status()).isZero();
            assertThat(c.retryable()).isTrue();
        });
    }

    @Test
    void aConnectionTheServerClosesAfterItsAnswerIsNotReusedSoTheNextPostGoesOutOnceOnANewOne() {
        stub.on("GET", V + "/limits", req -> Answer.json(200,
                "{\"DailyApiRequests\":{\"Max\":100,\"Remaining\":99}}").withHeader("Connection", "close"));
        stub.on("POST", V + "/sobjects/Lead", req -> Answer.json(201,
                "{\"id\":\"" + LEAD_ID + "\",\"success\":true,\"errors\":[]}").withHeader("Connection", "close"));
        for (int i = 0; i < 3; i++) {
            client.limits();
            client.create("Lead", Map.of("LastName", "Doe", "Company", "Acme"));
        }

        assertThat(stub.received(V + "/sobjects/Lead")).hasSize(3);
        assertThat(calls).filteredOn(c -> c.operation() != ApiOperation.TOKEN).extracting(ApiCall::status)
                .containsExactly(200, 201, 200, 201, 200, 201);
    }

    @Test
    void unreachableLoginHostIsARetryableIoError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SalesforceClient offline = SalesforceClient.create(settings().loginUrl("http://127.0.0.1:" + closedPort)
                .build())) {
            assertThatThrownBy(offline::authenticate).isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("username-password flow").doesNotContain("password-123",
                        "client-secret-123", "SECTOKEN");
            });
        }
    }

    @Test
    void limitInfoIsExposedAfterEachCall() {
        stub.on("GET", V + "/sobjects", req -> Answer.json(200, "{\"sobjects\":[{\"name\":\"Lead\",\"keyPrefix\":\"00Q\","
                + "\"createable\":true}]}").withHeader("Sforce-Limit-Info", "api-usage=42/15000"));
        assertThat(client.lastApiUsage()).isEmpty();
        assertThat(client.describeGlobal()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Lead");
            assertThat(o.createable()).isTrue();
        });
        assertThat(client.lastApiUsage()).contains(new ApiUsage(42, 15000));
        client.describeGlobal();
        assertThat(stub.received(V)).hasSize(1);
    }

    @Test
    void instanceUrlOutsideSalesforceIsRefused() {
        stub.onToken(req -> Answer.json(200, "{\"access_token\":\"tok-evil-123456\",\"instance_url\":"
                + "\"https://evil.salesforce.com.attacker.io\"}"));
        assertThatThrownBy(() -> client.describeGlobal()).isInstanceOfSatisfying(SalesforceApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_INSTANCE_URL");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).doesNotContain("tok-evil-123456");
        });
    }

    @Test
    void collectionsSplitAt200AndSendAttributesFirst() {
        stub.on("POST", V + "/composite/sobjects", req -> {
            int n = req.body().split("\"attributes\"").length - 1;
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," : "").append("{\"id\":\"00Q000000000001AAA\",\"success\":true,\"errors\":[]}");
            }
            return Answer.json(200, sb.append("]").toString());
        });
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < 450; i++) {
            records.add(Map.of("LastName", "n" + i));
        }
        List<SaveResult> results = client.createAll("Lead", records, false);
        assertThat(results).hasSize(450).allMatch(SaveResult::success);
        List<StubSalesforce.Received> posts = stub.received(V + "/composite");
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0).body()).startsWith("{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"n0\"}");
        assertThatThrownBy(() -> client.createAll("Lead", records, true)).hasMessageContaining("allOrNone");
    }

    @Test
    void bulkUploadStreamsCsvAndResultsAreParsed() {
        String job = "750000000000001AAA";
        stub.on("POST", V + "/jobs/ingest", req -> Answer.json(200, "{\"id\":\"" + job + "\",\"object\":\"Lead\","
                + "\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\",\"state\":\"Open\",\"contentUrl\":"
                + "\"services/data/v62.0/jobs/ingest/" + job + "/batches\"}"));
        stub.on("PUT", V + "/jobs/ingest/" + job + "/batches", req -> Answer.empty(201));
        stub.on("PATCH", V + "/jobs/ingest/" + job, req -> Answer.json(200, "{\"id\":\"" + job
                + "\",\"state\":\"UploadComplete\",\"operation\":\"upsert\",\"object\":\"Lead\"}"));
        stub.on("GET", V + "/jobs/ingest/" + job + "/successfulResults", req -> new Answer(200, "text/csv",
                "\"sf__Id\",\"sf__Created\",LastName,Ext__c\n\"00Q000000000001AAA\",\"true\",\"Doe\",\"E1\"\n", Map.of()));
        stub.on("GET", V + "/jobs/ingest/" + job + "/failedResults", req -> new Answer(200, "text/csv",
                "\"sf__Id\",\"sf__Error\",LastName,Ext__c\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\",\"\",\"E2\"\n",
                Map.of()));
        stub.on("GET", V + "/jobs/ingest/" + job + "/unprocessedrecords", req -> new Answer(200, "text/csv",
                "LastName,Ext__c\n", Map.of()));

        BulkJobInfo created = client.bulk().createJob(BulkJobRequest.upsert("Lead", "Ext__c"));
        assertThat(created.state()).isEqualTo(BulkJobState.OPEN);
        client.bulk().upload(job, CsvContent.of("LastName,Ext__c\nDoe,E1\n,E2\n"));
        assertThat(client.bulk().closeJob(job).state()).isEqualTo(BulkJobState.UPLOAD_COMPLETE);
        BulkResults results = client.bulk().results(job);

        assertThat(stub.received(V + "/jobs/ingest").get(0).body()).isEqualTo("{\"object\":\"Lead\",\"contentType\":\"CSV\","
                + "\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\",\"lineEnding\":\"LF\",\"columnDelimiter\":\"COMMA\"}");
        StubSalesforce.Received upload = stub.received(V + "/jobs/ingest/" + job + "/batches").get(0);
        assertThat(upload.header("Content-Type")).startsWith("text/csv");
        assertThat(upload.body()).isEqualTo("LastName,Ext__c\nDoe,E1\n,E2\n");
        assertThat(stub.received(V + "/jobs/ingest/" + job).stream().filter(r -> r.method().equals("PATCH")).findFirst()
                .orElseThrow().body()).isEqualTo("{\"state\":\"UploadComplete\"}");
        assertThat(results.byKey("Ext__c").get("E1").id()).isEqualTo("00Q000000000001AAA");
        assertThat(results.byKey("Ext__c").get("E2").errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.unprocessed()).isEmpty();
    }

    @Test
    void anUnreadableCsvSourceIsNotMistakenForANetworkFailure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String job = "750000000000001AAA";
        stub.on("PUT", V + "/jobs/ingest/" + job + "/batches", req -> Answer.empty(201));
        client.authenticate();
        assertThatThrownBy(() -> client.bulk().upload(job, CsvContent.of(dir.resolve("missing.csv"))))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(SalesforceApiException.class)
                .hasMessageContaining("Cannot read the CSV to upload").hasMessageContaining("missing.csv");
        assertThat(calls.get(calls.size() - 1)).satisfies(c -> {
            assertThat(c.operation()).isEqualTo(ApiOperation.BULK_UPLOAD);
            assertThat(c.retryable()).isFalse();
        });
    }

    @Test
    void aConfiguredProxyCarriesTheTokenAndDataCalls() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        java.net.Proxy proxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), java.net.URI.create(stub.instanceUrl()).getPort()));
        stub.on("GET", V + "/sobjects", req -> Answer.json(200, "{\"sobjects\":[]}"));
        try (SalesforceClient proxied = SalesforceClient.create(settings().loginUrl("http://localhost:" + closedPort)
                .proxy(proxy).build())) {
            assertThat(proxied.describeGlobal()).isEmpty();
        }
        // Only the proxy (the stub) was reachable; the login host's port was closed.
        assertThat(stub.received("/services/oauth2/token")).hasSize(1);
        assertThat(stub.received(V + "/sobjects")).hasSize(1);
    }

    @Test
    void aCreateAnsweredWithASuccessStatusAndAnUnreadableBodyIsCreatedWithoutId() {
        // the status is the outcome: a retry would create the record a second time
        stub.on("POST", V + "/sobjects/Lead", req -> new Answer(201, "text/html", "<html>maintenance</html>", Map.of()));
        SaveResult created = client.create("Lead", Map.of("LastName", "Doe"));
        assertThat(created.success()).isTrue();
        assertThat(created.id()).isNull();
    }

    @Test
    void aReadWithASuccessStatusAndAnUnreadableBodyIsAClearRetryableError() {
        stub.on("GET", V + "/sobjects", req -> new Answer(200, "text/html", "<html>maintenance</html>", Map.of()));
        assertThatThrownBy(() -> client.describeGlobal())
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.errorCode()).isEqualTo("INVALID_RESPONSE");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("GET " + V + "/sobjects", "not the expected JSON");
                });
    }

    @Test
    void aFailingListenerNeverFailsTheCall() {
        stub.on("DELETE", V + "/sobjects/Lead/" + LEAD_ID, req -> Answer.empty(204));
        try (SalesforceClient noisy = SalesforceClient.create(settings().build(), call -> {
            throw new IllegalStateException("metrics backend down");
        })) {
            noisy.delete("Lead", LEAD_ID);
        }
        assertThat(stub.received(V)).hasSize(1);
    }
}
