package io.github.sfactions.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BulkIngestApiJobLifecycleTest {

  private static final String INSERT_ACCOUNTS = "{\"object\":\"Account\",\"operation\":\"insert\"}";
  private static final Set<String> TERMINAL = Set.of("JobComplete", "Failed", "Aborted");

  private InMemoryRecordStore store;
  private BulkIngestApi api;
  private BulkTestClient client;

  @BeforeEach
  void start() {
    store = new InMemoryRecordStore();
    api =
        new BulkIngestApi(
            store, BulkSettings.builder().stateDwell(Duration.ZERO).maxUploadBytes(1024).build());
    client = new BulkTestClient(api);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createReturnsOpenJobInShortFormWithRelativeContentUrlAndNumericVersion() {
    BulkResponse response =
        client.createResponse(
            "{\"object\":\"account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"ext__C\",\"contentType\":\"CSV\","
                + "\"lineEnding\":\"CRLF\",\"columnDelimiter\":\"PIPE\",\"assignmentRuleId\":\"01Q000000000001AAA\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
    JsonNode job = BulkTestClient.json(response);
    String id = job.get("id").asText();
    assertThat(id).hasSize(18).startsWith("750");
    assertThat(job.get("state").asText()).isEqualTo("Open");
    assertThat(job.get("object").asText()).isEqualTo("Account");
    assertThat(job.get("operation").asText()).isEqualTo("upsert");
    assertThat(job.get("externalIdFieldName").asText()).isEqualTo("Ext__c");
    assertThat(job.get("lineEnding").asText()).isEqualTo("CRLF");
    assertThat(job.get("columnDelimiter").asText()).isEqualTo("PIPE");
    assertThat(job.get("assignmentRuleId").asText()).isEqualTo("01Q000000000001AAA");
    assertThat(job.get("contentType").asText()).isEqualTo("CSV");
    assertThat(job.get("concurrencyMode").asText()).isEqualTo("Parallel");
    assertThat(job.get("createdById").asText()).isEqualTo(InMemoryRecordStore.USER_ID);
    assertThat(job.get("createdDate").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    assertThat(job.get("apiVersion").isNumber()).isTrue();
    assertThat(job.get("apiVersion").asDouble()).isEqualTo(62.0);
    assertThat(response.bodyText()).contains("\"apiVersion\":62.0");
    assertThat(job.get("contentUrl").asText())
        .isEqualTo("services/data/v62.0/jobs/ingest/" + id + "/batches");
    assertThat(job.has("numberRecordsProcessed")).isFalse();
  }

  @Test
  void createDefaultsToCommaAndLfAndOmitsExternalIdForInsert() {
    JsonNode job =
        BulkTestClient.json(
            client.createResponse(
                "{\"object\":\"Account\",\"operation\":\"insert\",\"externalIdFieldName\":\"Ext__c\"}"));

    assertThat(job.get("lineEnding").asText()).isEqualTo("LF");
    assertThat(job.get("columnDelimiter").asText()).isEqualTo("COMMA");
    assertThat(job.has("externalIdFieldName")).isFalse();
  }

  @Test
  void createAcceptsJsonWithCharsetParameter() {
    BulkResponse response =
        client.call("POST", "", "application/json; charset=utf-8", INSERT_ACCOUNTS);

    assertThat(response.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"object\":\"Foo__c\",\"operation\":\"insert\"}|sObject type 'Foo__c' is not supported",
        "{\"operation\":\"insert\"}|Required property is missing: object",
        "{\"object\":\"Account\"}|Required property is missing: operation",
        "{\"object\":\"Account\",\"operation\":\"merge\"}|Invalid operation 'merge'",
        "{\"object\":\"Account\",\"operation\":\"upsert\"}|'externalIdFieldName' is required for upsert",
        "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Nope__c\"}"
            + "|Provided external ID field does not exist or is not accessible: Nope__c",
        "{\"object\":\"Account\",\"operation\":\"insert\",\"contentType\":\"JSON\"}|only CSV is supported",
        "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CR\"}|Invalid lineEnding 'CR'",
        "{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\"COLON\"}|Invalid columnDelimiter 'COLON'",
        "{\"object\":42,\"operation\":\"insert\"}|Property 'object' must be a string"
      })
  void createRefusesBadDefinitionWithClearMessage(String definition, String expectedMessagePart) {
    BulkResponse response = client.createResponse(definition);

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = BulkTestClient.error(response);
    assertThat(error.get("errorCode").asText()).isEqualTo("INVALIDJOB");
    assertThat(error.get("message").asText()).contains(expectedMessagePart);
    assertThat(api.jobs()).isEmpty();
  }

  @Test
  void createRefusesMalformedJson() {
    BulkResponse response = client.createResponse("{\"object\":");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BulkTestClient.error(response).get("errorCode").asText())
        .isEqualTo("JSON_PARSER_ERROR");
  }

  @Test
  void createRefusesJsonArrayBody() {
    BulkResponse response = client.createResponse("[]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BulkTestClient.error(response).get("message").asText())
        .contains("must be a JSON object");
  }

  @Test
  void createRefusesNonJsonContentType() {
    BulkResponse response =
        client.call("POST", "", "application/x-www-form-urlencoded", INSERT_ACCOUNTS);

    assertThat(response.status()).isEqualTo(415);
    assertThat(BulkTestClient.error(response).get("errorCode").asText())
        .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void uploadAnswers201WithEmptyBody() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.upload(id, "Name\nAcme\n");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body()).isEmpty();
    assertThat(response.contentType()).isNull();
    assertThat(api.jobs().get(0).uploadedBytes()).isEqualTo(10);
  }

  @Test
  void uploadAcceptsCsvWithCharset() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response =
        client.call("PUT", "/" + id + "/batches", "text/csv; charset=UTF-8", "Name\nAcme\n");

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void secondUploadIsRefused() {
    String id = client.create(INSERT_ACCOUNTS);
    client.upload(id, "Name\nAcme\n");

    BulkResponse response = client.upload(id, "Name\nOther\n");

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = BulkTestClient.error(response);
    assertThat(error.get("errorCode").asText()).isEqualTo("BULK_API_ERROR");
    assertThat(error.get("message").asText())
        .contains("Found multiple contents for job")
        .contains(id);
  }

  @Test
  void emptyUploadIsRefusedAndJobStaysUploadable() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.upload(id, "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BulkTestClient.error(response).get("message").asText()).contains("upload is empty");
    assertThat(client.upload(id, "Name\nAcme\n").status()).isEqualTo(201);
  }

  @Test
  void uploadOverCapIsRefusedWith413AndJobStaysOpenForASmallerUpload() {
    String id = client.create(INSERT_ACCOUNTS);
    String tooBig = "Name\n" + "x".repeat(2000) + "\n";

    BulkResponse response = client.upload(id, tooBig);

    assertThat(response.status()).isEqualTo(413);
    JsonNode error = BulkTestClient.error(response);
    assertThat(error.get("errorCode").asText()).isEqualTo("EXCEEDED_QUOTA");
    assertThat(error.get("message").asText()).contains("1024 bytes");
    assertThat(client.info(id).get("state").asText()).isEqualTo("Open");
    assertThat(client.upload(id, "Name\nAcme\n").status()).isEqualTo(201);
    client.patchState(id, "UploadComplete");
    assertThat(client.awaitState(id, TERMINAL, Duration.ofSeconds(10)).get("state").asText())
        .isEqualTo("JobComplete");
  }

  @Test
  void uploadOfExactlyTheCapIsAccepted() {
    String id = client.create(INSERT_ACCOUNTS);
    String csv = "Name\n" + "x".repeat(1024 - 6) + "\n";

    assertThat(csv).hasSize(1024);
    assertThat(client.upload(id, csv).status()).isEqualTo(201);
  }

  @Test
  void concurrentSecondUploadIsRefusedWhileTheFirstIsStillStreaming() throws Exception {
    String id = client.create(INSERT_ACCOUNTS);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    InputStream slowBody =
        new SequenceInputStream(
            new ByteArrayInputStream("Name\n".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              private boolean done;

              @Override
              public int read() throws IOException {
                if (done) {
                  return -1;
                }
                firstStarted.countDown();
                try {
                  releaseFirst.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IOException(e);
                }
                done = true;
                return 'A';
              }
            });
    ExecutorService uploader = Executors.newSingleThreadExecutor();
    try {
      Future<BulkResponse> first =
          uploader.submit(
              () ->
                  api.handle("PUT", "62.0", "/" + id + "/batches", Map.of(), "text/csv", slowBody));
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

      BulkResponse second = client.upload(id, "Name\nOther\n");
      releaseFirst.countDown();

      assertThat(second.status()).isEqualTo(400);
      assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      assertThat(api.jobs().get(0).uploadedBytes()).isEqualTo(6);
    } finally {
      releaseFirst.countDown();
      uploader.shutdownNow();
    }
  }

  @Test
  void closingWhileTheUploadIsStreamingIsInvalidJobState() throws Exception {
    String id = client.create(INSERT_ACCOUNTS);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InputStream slowBody =
        new InputStream() {
          private int served;

          @Override
          public int read() throws IOException {
            if (served == 0) {
              started.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
              }
            }
            return served < "Name\nA\n".length() ? "Name\nA\n".charAt(served++) : -1;
          }
        };
    ExecutorService uploader = Executors.newSingleThreadExecutor();
    try {
      Future<BulkResponse> upload =
          uploader.submit(
              () ->
                  api.handle("PUT", "62.0", "/" + id + "/batches", Map.of(), "text/csv", slowBody));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      BulkResponse close = client.patchState(id, "UploadComplete");
      release.countDown();

      assertThat(close.status()).isEqualTo(409);
      assertThat(BulkTestClient.error(close).get("message").asText())
          .contains("still receiving its upload");
      assertThat(upload.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
      assertThat(client.patchState(id, "UploadComplete").status()).isEqualTo(200);
    } finally {
      release.countDown();
      uploader.shutdownNow();
    }
  }

  @Test
  void uploadRefusesNonCsvContentType() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response =
        client.call("PUT", "/" + id + "/batches", "application/json", "Name\nAcme\n");

    assertThat(response.status()).isEqualTo(415);
  }

  @Test
  void uploadAfterCloseIsInvalidJobState() {
    String id = client.create(INSERT_ACCOUNTS);
    client.upload(id, "Name\nAcme\n");
    client.patchState(id, "UploadComplete");

    BulkResponse response = client.upload(id, "Name\nOther\n");

    assertThat(response.status()).isEqualTo(409);
    assertThat(BulkTestClient.error(response).get("errorCode").asText())
        .isEqualTo("INVALIDJOBSTATE");
  }

  @Test
  void closeReturnsShortFormInUploadCompleteOrLater() {
    try (BulkIngestApi slow =
        new BulkIngestApi(
            store, BulkSettings.builder().stateDwell(Duration.ofSeconds(5)).build())) {
      BulkTestClient slowClient = new BulkTestClient(slow);
      String id = slowClient.create(INSERT_ACCOUNTS);
      slowClient.upload(id, "Name\nAcme\n");

      BulkResponse response = slowClient.patchState(id, "UploadComplete");

      assertThat(response.status()).isEqualTo(200);
      JsonNode job = BulkTestClient.json(response);
      assertThat(job.get("state").asText()).isEqualTo("UploadComplete");
      assertThat(job.has("numberRecordsProcessed")).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Open", "InProgress", "JobComplete", "Failed"})
  void clientCannotSetOtherStates(String state) {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.patchState(id, state);

    assertThat(response.status()).isEqualTo(409);
    assertThat(BulkTestClient.error(response).get("errorCode").asText())
        .isEqualTo("INVALIDJOBSTATE");
    assertThat(client.info(id).get("state").asText()).isEqualTo("Open");
  }

  @Test
  void unknownStateValueIsBadRequest() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.patchState(id, "Closed");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BulkTestClient.error(response).get("message").asText())
        .contains("Unknown job state 'Closed'");
  }

  @Test
  void patchWithoutStateIsBadRequest() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.call("PATCH", "/" + id, "application/json", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BulkTestClient.error(response).get("message").asText()).contains("state");
  }

  @Test
  void closingTwiceIsInvalidJobState() {
    String id = client.create(INSERT_ACCOUNTS);
    client.upload(id, "Name\nAcme\n");
    client.patchState(id, "UploadComplete");

    BulkResponse response = client.patchState(id, "UploadComplete");

    assertThat(response.status()).isEqualTo(409);
  }

  @Test
  void abortOpenJobMakesItAborted() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.patchState(id, "Aborted");

    assertThat(response.status()).isEqualTo(200);
    assertThat(BulkTestClient.json(response).get("state").asText()).isEqualTo("Aborted");
    assertThat(client.info(id).get("state").asText()).isEqualTo("Aborted");
  }

  /**
   * An API whose closed jobs stay UploadComplete for five seconds, long enough to act on them
   * first.
   */
  private BulkIngestApi waitingBeforeProcessing() {
    return new BulkIngestApi(
        store, BulkSettings.builder().uploadCompleteDwell(Duration.ofSeconds(5)).build());
  }

  @Test
  void abortUploadCompleteJobPreventsProcessing() {
    try (BulkIngestApi slow = waitingBeforeProcessing()) {
      BulkTestClient slowClient = new BulkTestClient(slow);
      String id = slowClient.create(INSERT_ACCOUNTS);
      slowClient.upload(id, "Name\nAcme\n");
      slowClient.patchState(id, "UploadComplete");

      assertThat(slowClient.patchState(id, "Aborted").status()).isEqualTo(200);

      JsonNode info = slowClient.info(id);
      assertThat(info.get("state").asText()).isEqualTo("Aborted");
      assertThat(info.get("numberRecordsProcessed").asInt()).isZero();
      assertThat(store.records("Account")).isEmpty();
      assertThat(slowClient.results(id, "unprocessedrecords")).isEqualTo("Name\nAcme\n");
    }
  }

  @Test
  void abortingAFinishedJobIsInvalidJobState() {
    JsonNode done = client.runJob(INSERT_ACCOUNTS, "Name\nAcme\n");

    BulkResponse response = client.patchState(done.get("id").asText(), "Aborted");

    assertThat(response.status()).isEqualTo(409);
    assertThat(BulkTestClient.error(response).get("message").asText()).contains("JobComplete");
  }

  @Test
  void unknownJobIsNotFoundOnEveryResource() {
    String unknown = "750000000000099AAA";
    for (String[] call :
        new String[][] {
          {"GET", "/" + unknown},
          {"PATCH", "/" + unknown},
          {"DELETE", "/" + unknown},
          {"PUT", "/" + unknown + "/batches"},
          {"GET", "/" + unknown + "/successfulResults"},
          {"GET", "/" + unknown + "/failedResults"},
          {"GET", "/" + unknown + "/unprocessedrecords"}
        }) {
      String contentType = call[0].equals("PUT") ? "text/csv" : "application/json";
      BulkResponse response = client.call(call[0], call[1], contentType, "{\"state\":\"Aborted\"}");

      assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(404);
      JsonNode error = BulkTestClient.error(response);
      assertThat(error.get("errorCode").asText()).isEqualTo("NOT_FOUND");
      assertThat(error.get("message").asText()).isEqualTo("The requested resource does not exist");
    }
  }

  @Test
  void unknownSubResourceIsNotFound() {
    String id = client.create(INSERT_ACCOUNTS);

    assertThat(client.call("GET", "/" + id + "/somethingElse", null, null).status()).isEqualTo(404);
    assertThat(client.call("GET", "/" + id + "/batches/extra", null, null).status()).isEqualTo(404);
  }

  @Test
  void jobIsFoundByFifteenCharacterIdAndTrailingSlash() {
    String id = client.create(INSERT_ACCOUNTS);

    assertThat(client.call("GET", "/" + id.substring(0, 15), null, null).status()).isEqualTo(200);
    assertThat(client.call("GET", "/" + id + "/", null, null).status()).isEqualTo(200);
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse onRoot = client.call("DELETE", "", null, null);
    BulkResponse onJob = client.call("PUT", "/" + id, "text/csv", "x");
    BulkResponse onBatches = client.call("POST", "/" + id + "/batches", "text/csv", "x");
    BulkResponse onResults = client.call("DELETE", "/" + id + "/failedResults", null, null);

    assertThat(onRoot.status()).isEqualTo(405);
    assertThat(BulkTestClient.error(onRoot).get("message").asText())
        .isEqualTo("HTTP Method 'DELETE' not allowed. Allowed are GET,POST");
    assertThat(onJob.status()).isEqualTo(405);
    assertThat(onBatches.status()).isEqualTo(405);
    assertThat(onResults.status()).isEqualTo(405);
  }

  @Test
  void postWithMethodOverrideActsAsPatch() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response =
        api.handle(
            "POST",
            "62.0",
            "/" + id,
            Map.of("_HttpMethod", "PATCH"),
            "application/json",
            new ByteArrayInputStream("{\"state\":\"Aborted\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(client.info(id).get("state").asText()).isEqualTo("Aborted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"40.0", "abc", "62"})
  void unsupportedApiVersionIsNotFound(String version) {
    BulkResponse response = api.handle("GET", version, "", Map.of(), null, null);

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void listReturnsAllJobsOldestFirstInOnePage() {
    String first = client.create(INSERT_ACCOUNTS);
    String second = client.create("{\"object\":\"Contact\",\"operation\":\"delete\"}");

    JsonNode list = BulkTestClient.json(client.call("GET", "", null, null));

    assertThat(list.get("done").asBoolean()).isTrue();
    assertThat(list.get("nextRecordsUrl").isNull()).isTrue();
    assertThat(list.get("records")).hasSize(2);
    assertThat(list.get("records").get(0).get("id").asText()).isEqualTo(first);
    assertThat(list.get("records").get(1).get("id").asText()).isEqualTo(second);
    assertThat(list.get("records").get(1).get("operation").asText()).isEqualTo("delete");
  }

  @Test
  void jobInfoHasCountersAndNoErrorMessageUnlessFailed() {
    String id = client.create(INSERT_ACCOUNTS);

    JsonNode info = client.info(id);

    assertThat(info.get("numberRecordsProcessed").asInt()).isZero();
    assertThat(info.get("numberRecordsFailed").asInt()).isZero();
    assertThat(info.get("retries").asInt()).isZero();
    assertThat(info.get("totalProcessingTime").isNumber()).isTrue();
    assertThat(info.get("apiActiveProcessingTime").isNumber()).isTrue();
    assertThat(info.get("apexProcessingTime").asInt()).isZero();
    assertThat(info.get("jobType").asText()).isEqualTo("V2Ingest");
    assertThat(info.has("errorMessage")).isFalse();
  }

  @Test
  void deleteIsRefusedWhileOpen() {
    String id = client.create(INSERT_ACCOUNTS);

    BulkResponse response = client.call("DELETE", "/" + id, null, null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(client.info(id).get("state").asText()).isEqualTo("Open");
  }

  @Test
  void deleteOfFinishedJobAnswers204AndForgetsIt() {
    String id = client.runJob(INSERT_ACCOUNTS, "Name\nAcme\n").get("id").asText();

    BulkResponse response = client.call("DELETE", "/" + id, null, null);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(client.call("GET", "/" + id, null, null).status()).isEqualTo(404);
  }

  @Test
  void deleteOfAbortedJobAnswers204() {
    String id = client.create(INSERT_ACCOUNTS);
    client.patchState(id, "Aborted");

    assertThat(client.call("DELETE", "/" + id, null, null).status()).isEqualTo(204);
  }

  @Test
  void deleteOfUploadCompleteJobStopsItBeforeProcessing() {
    try (BulkIngestApi slow = waitingBeforeProcessing()) {
      BulkTestClient slowClient = new BulkTestClient(slow);
      String id = slowClient.create(INSERT_ACCOUNTS);
      slowClient.upload(id, "Name\nAcme\n");
      slowClient.patchState(id, "UploadComplete");

      assertThat(slowClient.call("DELETE", "/" + id, null, null).status()).isEqualTo(204);
      assertThat(slow.jobs()).isEmpty();
    }
    assertThat(store.records("Account")).isEmpty();
  }

  @Test
  void resultsBeforeTheJobFinishesAreInvalidJobState() {
    String id = client.create(INSERT_ACCOUNTS);
    client.upload(id, "Name\nAcme\n");

    for (String kind : new String[] {"successfulResults", "failedResults", "unprocessedrecords"}) {
      BulkResponse response = client.call("GET", "/" + id + "/" + kind, null, null);

      assertThat(response.status()).as(kind).isEqualTo(409);
      assertThat(BulkTestClient.error(response).get("errorCode").asText())
          .isEqualTo("INVALIDJOBSTATE");
    }
  }

  @Test
  void resetForgetsEveryJob() {
    client.create(INSERT_ACCOUNTS);
    client.runJob(INSERT_ACCOUNTS, "Name\nAcme\n");

    api.reset();

    assertThat(api.jobs()).isEmpty();
    assertThat(BulkTestClient.json(client.call("GET", "", null, null)).get("records")).isEmpty();
  }

  @Test
  void closedApiAnswers503() {
    api.close();

    BulkResponse response = client.call("GET", "", null, null);

    assertThat(response.status()).isEqualTo(503);
    assertThat(BulkTestClient.error(response).get("errorCode").asText())
        .isEqualTo("SERVER_UNAVAILABLE");
  }

  @Test
  void jobsSummaryReflectsState() {
    client.runJob(INSERT_ACCOUNTS, "Name\nAcme\nBeta\n");

    BulkJobSummary summary = api.jobs().get(0);

    assertThat(summary.object()).isEqualTo("Account");
    assertThat(summary.operation()).isEqualTo("insert");
    assertThat(summary.state()).isEqualTo("JobComplete");
    assertThat(summary.recordsProcessed()).isEqualTo(2);
    assertThat(summary.recordsFailed()).isZero();
    assertThat(summary.internalBatches()).isEqualTo(1);
  }
}
