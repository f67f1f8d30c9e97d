package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.camunda.trigger.TriggeredProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Concurrent {@code /v1/batch} requests: one request is held inside its start transaction (a task
 * of its process waits for the test), and a second request arrives meanwhile. Requests sharing a
 * messageId run one after the other, so each message starts exactly once; requests without one in
 * common do not wait for each other.
 */
class IntakeConcurrencyHttpTest extends IntakeHttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired SegmentEventIntake intake;

  @BeforeEach
  void groupProcesses() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("on-group").count() == 0) {
      repository
          .createDeployment()
          .name("intake-concurrency-test")
          .addString(
              "held-group.bpmn",
              TriggeredProcess.xml(
                  "held-group",
                  "type = \"group\" and groupId = \"hold\"",
                  "<bpmn:serviceTask id=\"Work\" camunda:class=\""
                      + HeldStart.class.getName()
                      + "\"/>"))
          .addString(
              "on-group.bpmn",
              TriggeredProcess.xml(
                  "on-group",
                  "type = \"group\" and groupId != \"hold\"",
                  "<bpmn:task id=\"Work\"/>"))
          .deploy();
    }
    HeldStart.arm();
  }

  @AfterEach
  void releaseAnyHold() {
    HeldStart.release();
  }

  @Test
  void overlappingConcurrentBatchesStartEachMessageExactlyOnce() throws Exception {
    String shared = messageId("s-shared");
    String held = messageId("h-held");
    String own = messageId("b-own");
    // the first request starts the shared message (not yet committed), then is held
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> post("/v1/batch", batch(group(shared, "g"), group(held, "hold"))));
    HeldStart.awaitHeld();
    CompletableFuture<HttpResponse<String>> second =
        CompletableFuture.supplyAsync(
            () -> post("/v1/batch", batch(group(shared, "g"), group(own, "g"))));
    // the second request holds its own messageId ("b-" sorts before "s-") and needs the shared one
    awaitInProgress(own);
    assertThat(second).isNotDone();

    HeldStart.release();

    JsonNode firstAnswer = answer(first);
    JsonNode secondAnswer = answer(second);
    assertThat(firstAnswer.path("started").asInt()).isEqualTo(2);
    assertThat(firstAnswer.path("duplicates").asInt()).isZero();
    assertThat(secondAnswer.path("started").asInt()).isEqualTo(1);
    assertThat(secondAnswer.path("duplicates").asInt()).isEqualTo(1);
    assertThat(processesStartedBy(shared)).containsExactly("on-group");
    assertThat(processesStartedBy(held)).containsExactly("held-group");
    assertThat(processesStartedBy(own)).containsExactly("on-group");
    assertThat(intake.messageIdsInProgress()).isEmpty();
  }

  @Test
  void aBatchInProgressHoldsOnlyItsOwnMessageIdsSoADisjointBatchGoesThrough() throws Exception {
    List<String> firstIds = new ArrayList<>();
    List<String> firstEvents = new ArrayList<>();
    String held = messageId("held");
    firstIds.add(held);
    firstEvents.add(group(held, "hold"));
    List<String> secondEvents = new ArrayList<>();
    List<String> secondIds = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      String id = messageId("first-" + i);
      firstIds.add(id);
      firstEvents.add(group(id, "g"));
    }
    for (int i = 0; i < 100; i++) {
      String id = messageId("second-" + i);
      secondIds.add(id);
      secondEvents.add(group(id, "g"));
    }
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(
            () -> post("/v1/batch", batch(firstEvents.toArray(String[]::new))));
    HeldStart.awaitHeld();

    assertThat(intake.messageIdsInProgress()).containsExactlyInAnyOrderElementsOf(firstIds);
    JsonNode secondAnswer =
        answer(
            CompletableFuture.supplyAsync(
                () -> post("/v1/batch", batch(secondEvents.toArray(String[]::new)))));

    assertThat(secondAnswer.path("started").asInt()).isEqualTo(100);
    assertThat(first).isNotDone();
    assertThat(processesStartedBy(secondIds.get(99))).containsExactly("on-group");
    assertThat(processesStartedBy(firstIds.get(1))).isEmpty();
    HeldStart.release();
    assertThat(answer(first).path("started").asInt()).isEqualTo(100);
    assertThat(processesStartedBy(firstIds.get(1))).containsExactly("on-group");
  }

  private void awaitInProgress(String messageId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!intake.messageIdsInProgress().contains(messageId)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(messageId + " never reached the intake");
      }
      Thread.sleep(10);
    }
  }

  private static JsonNode answer(CompletableFuture<HttpResponse<String>> request) throws Exception {
    HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String batch(String... events) {
    return "{\"batch\": [" + String.join(",", events) + "]}";
  }

  private static String group(String messageId, String groupId) {
    return "{\"type\": \"group\", \"userId\": \"u1\", \"groupId\": \""
        + groupId
        + "\", \"messageId\": \""
        + messageId
        + "\"}";
  }
}
