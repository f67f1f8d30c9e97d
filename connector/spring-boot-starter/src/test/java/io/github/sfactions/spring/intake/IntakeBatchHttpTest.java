package io.github.sfactions.spring.intake;

import static io.github.sfactions.spring.intake.IntakeBadInputHttpTest.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.spring.intake.impl.MicrometerIntakeMetrics;
import io.github.sfactions.spring.intake.impl.SegmentIntakeServlet;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/batch} judges each event on its own, as Segment's API does: valid events start their
 * processes, invalid ones are counted and listed with index and reason in the 200 answer.
 */
class IntakeBatchHttpTest extends IntakeHttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void validEventsStartAndInvalidOnesAreListedWithIndexAndReason() throws Exception {
    String first = messageId("batch-ok");
    String second = messageId("batch-ok");
    String notes = "n".repeat(9 * 1024);
    double invalidBefore = count(MicrometerIntakeMetrics.INVALID, "reason", "invalid_event");
    double tooLargeBefore = count(MicrometerIntakeMetrics.INVALID, "reason", "too_large");
    String body =
        "{\"batch\": ["
            + track(first)
            + ", {\"userId\": \"u2\"}, "
            + "{\"type\": \"identify\", \"userId\": \"u3\", \"messageId\": \""
            + second
            + "\"}, \"text\", "
            + "{\"type\": \"page\", \"anonymousId\": \"a\", \"properties\": {\"a\": \""
            + notes
            + "\", \"b\": \""
            + notes
            + "\", \"c\": \""
            + notes
            + "\", \"d\": \""
            + notes
            + "\"}}, "
            + "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"e\", \"timestamp\": \"yesterday\"}]}";

    HttpResponse<String> response = post("/v1/batch", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("success").asBoolean()).isTrue();
    assertThat(answer.path("events").asInt()).isEqualTo(6);
    assertThat(answer.path("started").asInt()).isEqualTo(2);
    assertThat(answer.path("rejected").asInt()).isEqualTo(4);
    List<String> listed = new ArrayList<>();
    answer
        .path("rejectedEvents")
        .forEach(e -> listed.add(e.path("index").asInt() + " " + e.path("reason").asText()));
    assertThat(listed)
        .containsExactly(
            "1 batch[1]: type is required (one of identify, track, page, screen, group, alias)",
            "3 batch[3] must be a JSON object, not \"text\"",
            "4 batch[4] is 36940 bytes; an event may have at most 32768 bytes",
            "5 batch[5]: timestamp must be an ISO-8601 date-time with offset, e.g. 2026-11-29T14:35:09.000Z, not "
                + "\"yesterday\"");
    assertThat(processesStartedBy(first)).containsExactly("on-track");
    assertThat(processesStartedBy(second)).containsExactly("on-identify");
    assertThat(count(MicrometerIntakeMetrics.INVALID, "reason", "invalid_event"))
        .isEqualTo(invalidBefore + 3);
    assertThat(count(MicrometerIntakeMetrics.INVALID, "reason", "too_large"))
        .isEqualTo(tooLargeBefore + 1);
  }

  @Test
  void batchOfOnlyInvalidEventsIsAnsweredTwoHundredAndStartsNothing() throws Exception {
    HttpResponse<String> response =
        post("/v1/import", "{\"batch\": [{}, {\"type\": \"track\", \"userId\": \"u\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("started").asInt()).isZero();
    assertThat(answer.path("rejected").asInt()).isEqualTo(2);
    assertThat(answer.path("rejectedEvents").get(1).path("reason").asText())
        .isEqualTo("batch[1]: event is required for track");
  }

  @Test
  void aValidEventThatFailsInTheEngineStoresNothingOfTheBatchSoThatTheRetryIsExact()
      throws Exception {
    String good = messageId("batch-good");
    String failing =
        "{\"type\": \"track\", \"userId\": \"u\", \"event\": \""
            + EXPLODING_EVENT
            + "\", \"messageId\": \""
            + messageId("boom")
            + "\"}";

    HttpResponse<String> response =
        post("/v1/batch", "{\"batch\": [" + track(good) + ", {}, " + failing + "]}");

    assertJsonError(
        response, 500, "The events could not be stored", "nothing was started, retry later");
    assertThat(processesStartedBy(good)).isEmpty();

    HttpResponse<String> retry = post("/v1/batch", "{\"batch\": [" + track(good) + "]}");

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body()).path("started").asInt()).isEqualTo(1);
    assertThat(processesStartedBy(good)).containsExactly("on-track");
  }

  @Test
  void hundredThousandTinyEventsAreJudgedAndTheListIsBounded() throws Exception {
    StringBuilder body = new StringBuilder("{\"batch\": [");
    for (int i = 0; i < 100_000; i++) {
      body.append(i == 0 ? "{}" : ",{}");
    }
    body.append("]}");
    long start = System.nanoTime();

    HttpResponse<String> response = post("/v1/batch", body.toString());

    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("events").asInt()).isEqualTo(100_000);
    assertThat(answer.path("rejected").asInt()).isEqualTo(100_000);
    assertThat(answer.path("rejectedEvents")).hasSize(SegmentIntakeServlet.MAX_REJECTED_LISTED);
    assertThat(answer.path("rejectedEvents").get(99).path("index").asInt()).isEqualTo(99);
  }

  @Test
  void aThousandValidEventsInOneBatchStartTheirProcesses() throws Exception {
    String prefix = messageId("many");
    StringBuilder body = new StringBuilder("{\"batch\": [");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",").append(track(prefix + "-" + i));
    }
    body.append("]}");

    HttpResponse<String> response = post("/v1/batch", body.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("started").asInt()).isEqualTo(1000);
    assertThat(answer.path("rejected").asInt()).isZero();
    assertThat(answer.path("rejectedEvents")).isEmpty();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike(prefix + "-%")
                .count())
        .isEqualTo(1000);
  }
}
