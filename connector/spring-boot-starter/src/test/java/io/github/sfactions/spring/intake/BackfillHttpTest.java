package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.SalesforceEmulator;
import io.github.sfactions.spring.EmulatorConnection;
import io.github.sfactions.spring.bulk.BulkTestApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /v1/backfill} and {@code GET /v1/backfill/{id}} in a Spring Boot application on
 * embedded Tomcat, over real HTTP: a JSON-lines body goes into the bulk queue as it streams in, the
 * job executor sends it to the emulated org through the Bulk API, and the summary counts what
 * Salesforce did. Bad requests are answered 400 naming the problem, bad lines are counted and
 * listed, and nothing works without the intake's write key.
 */
@SpringBootTest(
    classes = BulkTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.generic-properties.properties.enforce-history-time-to-live=false",
      // the bulk processes of the sfactions-bpmn jar only
      "camunda.bpm.deployment-resource-pattern=classpath*:io/github/sfactions/bpmn/bulk/*.bpmn",
      "sfactions.intake.enabled=true",
      "sfactions.intake.write-key=" + BackfillHttpTest.WRITE_KEY,
      "sfactions.intake.max-event-size=2KB",
      "sfactions.bulk.batch-size=100",
      "sfactions.bulk.flush-interval=1s",
      "sfactions.bulk.poll-interval=1s",
      "sfactions.bulk.first-poll-interval=200ms"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackfillHttpTest {

  static final String WRITE_KEY = "backfill-test-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final SalesforceEmulator ORG =
      SalesforceEmulator.builder()
          .config(
              EmulatorConfig.defaults()
                  .withObject(
                      new EmulatorConfig.SObject(
                          "Lead", List.of(EmulatorConfig.Field.externalId("Ext__c")))))
          .start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void connection(DynamicPropertyRegistry registry) {
    EmulatorConnection.password(registry, "default", ORG);
  }

  @BeforeAll
  static void rememberTheBulkQueue() {
    BulkTestApplication.rememberTheBulkQueue();
  }

  @AfterAll
  static void stopTheOrg() {
    ORG.close();
  }

  @Test
  void aStreamedUpsertBackfillLandsInTheOrgAndItsSummaryCountsEveryOutcome() throws Exception {
    ORG.createRecord("Lead", Map.of("LastName", "Old", "Company", "Acme", "Ext__c", "H-7"));
    StringBuilder file = new StringBuilder();
    for (int i = 1; i <= 250; i++) {
      file.append(
          String.format(
              "{\"Ext__c\":\"H-%d\",\"LastName\":\"Last %d\",\"Company\":\"Acme\"}\n", i, i));
      if (i == 100) {
        file.append("{\"Ext__c\": \"H-broken\", \"LastName\": \n"); // line 101
        file.append("{\"LastName\":\"No key\",\"Company\":\"Acme\"}\r\n"); // line 102
        file.append("\n"); // line 103: blank, skipped
        file.append("{\"Ext__c\":\"H-long\",\"Description\":\"") // line 104: over 2 KB
            .append("x".repeat(3000))
            .append("\"}\n");
        file.append("{\"Ext__c\":\"H-rejected\",\"LastName\":\"No company\"}\n"); // line 105
      }
    }
    byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);

    // an input stream publisher: the body goes out chunked, with no Content-Length
    HttpResponse<String> loaded =
        send(
            HttpRequest.newBuilder(
                    uri("/v1/backfill?object=Lead&operation=upsert&externalIdField=Ext__c"))
                .header("Content-Type", "application/x-ndjson")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
            true);

    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(loaded.body());
    assertThat(answer.path("success").asBoolean()).isTrue();
    assertThat(answer.path("lines").asLong()).isEqualTo(254);
    assertThat(answer.path("queued").asLong()).isEqualTo(251);
    assertThat(answer.path("rejected").asLong()).isEqualTo(3);
    List<String> reasons = new ArrayList<>();
    answer.path("rejectedLines").forEach(l -> reasons.add(l.path("reason").asText()));
    assertThat(answer.path("rejectedLines").get(0).path("line").asLong()).isEqualTo(101);
    assertThat(reasons.get(0)).startsWith("line 101: malformed JSON");
    assertThat(reasons.get(1)).isEqualTo("line 102: the upsert key Ext__c is missing or empty");
    assertThat(reasons.get(2))
        .isEqualTo("line 104: longer than 2048 bytes, the most a line may have");
    String id = answer.path("backfillId").asText();

    JsonNode summary = awaitDone(id);
    assertThat(summary.path("object").asText()).isEqualTo("Lead");
    assertThat(summary.path("operation").asText()).isEqualTo("upsert");
    assertThat(summary.path("externalIdField").asText()).isEqualTo("Ext__c");
    assertThat(summary.path("queued").asLong()).isEqualTo(251);
    assertThat(summary.path("created").asLong()).isEqualTo(249);
    assertThat(summary.path("updated").asLong()).isEqualTo(1); // H-7 existed
    assertThat(summary.path("failed").asLong()).isEqualTo(1); // no Company
    assertThat(summary.path("pending").asLong()).isZero();
    List<Map<String, Object>> leads = ORG.records("Lead");
    assertThat(leads).filteredOn(r -> "H-250".equals(r.get("Ext__c"))).hasSize(1);
    assertThat(leads)
        .filteredOn(r -> "H-7".equals(r.get("Ext__c")))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("LastName", "Last 7"));
    assertThat(leads).filteredOn(r -> "H-rejected".equals(r.get("Ext__c"))).isEmpty();

    HttpResponse<String> failed =
        send(HttpRequest.newBuilder(uri("/v1/backfill/" + id + "/failed")).GET(), true);
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    List<String> failedLines = failed.body().lines().toList();
    assertThat(failedLines).hasSize(1);
    JsonNode rejected = JSON.readTree(failedLines.get(0));
    assertThat(rejected.path("line").asLong()).isEqualTo(105);
    assertThat(rejected.path("fields").path("Ext__c").asText()).isEqualTo("H-rejected");
    assertThat(rejected.path("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
  }

  @Test
  void aRequestTheBackfillCannotStartFromIsAnswered400NamingTheProblem() throws Exception {
    Map<String, String> cases =
        Map.of(
            "?operation=insert",
            "Query parameter object is required",
            "?object=Lead;DROP&operation=insert",
            "Invalid object name 'Lead;DROP'",
            "?object=Lead&operation=merge",
            "operation must be insert, update or upsert, not 'merge'",
            "?object=Lead",
            "operation must be insert, update or upsert",
            "?object=Lead&operation=upsert",
            "An upsert needs query parameter externalIdField",
            "?object=Lead&operation=upsert&externalIdField=Ext__c.x",
            "Invalid field name 'Ext__c.x'",
            "?object=Lead&operation=insert&externalIdField=Ext__c",
            "externalIdField is only for operation=upsert",
            "?object=Lead&operation=insert&connection=nowhere",
            "Unknown connection 'nowhere': configured are [default",
            "?object=Lead&operation=insert&objct=Lead",
            "Unknown query parameter 'objct'",
            "?object=Lead&object=Contact&operation=insert",
            "Query parameter object is given twice");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri("/v1/backfill" + c.getKey()))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"LastName\":\"X\"}\n")),
              true);
      assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("success").asBoolean()).isFalse();
      assertThat(body.path("message").asText()).as(c.getKey()).contains(c.getValue());
    }
  }

  @Test
  void withoutTheWriteKeyNothingIsLoadedOrShown() throws Exception {
    HttpResponse<String> load =
        send(
            HttpRequest.newBuilder(uri("/v1/backfill?object=Lead&operation=insert"))
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"LastName\":\"X\",\"Company\":\"Y\"}")),
            false);
    assertThat(load.statusCode()).isEqualTo(401);
    assertThat(load.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(JSON.readTree(load.body()).path("message").asText())
        .startsWith("Missing or wrong write key");

    HttpResponse<String> wrongKey =
        HTTP.send(
            HttpRequest.newBuilder(uri("/v1/backfill/0b0e2e7c-0000-0000-0000-000000000000"))
                .header("Authorization", basic("not-the-key"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongKey.statusCode()).isEqualTo(401);
  }

  @Test
  void unknownBackfillsPathsAndMethodsAreAnsweredWithJson() throws Exception {
    HttpResponse<String> unknown =
        send(
            HttpRequest.newBuilder(uri("/v1/backfill/0b0e2e7c-0000-0000-0000-000000000000")).GET(),
            true);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("message").asText())
        .isEqualTo("No back-fill 0b0e2e7c-0000-0000-0000-000000000000");

    HttpResponse<String> getLoad =
        send(HttpRequest.newBuilder(uri("/v1/backfill?object=Lead")).GET(), true);
    assertThat(getLoad.statusCode()).isEqualTo(405);
    assertThat(getLoad.headers().firstValue("Allow")).hasValue("POST");

    HttpResponse<String> other =
        send(HttpRequest.newBuilder(uri("/v1/backfill/a/b/c")).GET(), true);
    assertThat(other.statusCode()).isEqualTo(404);

    // the event intake beside it is untouched
    HttpResponse<String> track =
        send(
            HttpRequest.newBuilder(uri("/v1/nothing"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")),
            true);
    assertThat(JSON.readTree(track.body()).path("message").asText())
        .startsWith("No such endpoint: POST one of /identify");
  }

  private JsonNode awaitDone(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/backfill/" + id)).GET(), true);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode summary = JSON.readTree(r.body());
      if (summary.path("done").asBoolean()) {
        return summary;
      }
      assertThat(System.nanoTime()).as("done within 2 minutes: " + summary).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic(String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, boolean withKey)
      throws IOException, InterruptedException {
    if (withKey) {
      request.header("Authorization", basic(WRITE_KEY));
    }
    return HTTP.send(
        request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
