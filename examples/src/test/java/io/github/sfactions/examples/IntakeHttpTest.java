package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Segment-compatible HTTP endpoints: authentication, validation, limits, duplicates, unmatched
 * events.
 */
class IntakeHttpTest extends AppTestSupport {

  @Autowired MeterRegistry meters;

  @Test
  void requestWithoutWriteKeyIsUnauthorized() {
    HttpResponse<String> response = intake.post("/v1/identify", identify(messageId("nokey")), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(response.body()).contains("write key").doesNotContain(IntakeClient.WRITE_KEY);
  }

  @Test
  void requestWithWrongWriteKeyIsUnauthorizedAndStartsNothing() {
    String id = messageId("wrongkey");

    HttpResponse<String> response = intake.post("/v1/identify", identify(id), "not-the-key");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(processesStartedBy(id)).isEmpty();
  }

  @Test
  void malformedJsonIsBadRequestNamingLineColumnAndProblem() {
    HttpResponse<String> response =
        intake.post("/v1/track", "{\"userId\": \"u1\", \"event\": \"x\"");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("Malformed JSON at line 1, column")
        .contains("expected close marker for Object")
        .doesNotContain("Source");
  }

  @Test
  void eventWithoutUserIdOrAnonymousIdIsBadRequest() {
    HttpResponse<String> response =
        intake.post("/v1/identify", "{\"traits\": {\"email\": \"a@b.example\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("userId or anonymousId is required");
  }

  @Test
  void trackWithoutEventNameIsBadRequest() {
    HttpResponse<String> response = intake.post("/v1/track", "{\"userId\": \"u1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("event is required for track");
  }

  @Test
  void typeThatContradictsTheEndpointIsBadRequest() {
    HttpResponse<String> response =
        intake.post("/v1/identify", "{\"type\": \"track\", \"userId\": \"u1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("type 'track' does not match the endpoint /identify");
  }

  @Test
  void batchItemWithoutTypeIsListedAsRejectedAndTheOtherItemsStart() {
    String id = messageId("ok");
    String body = "{\"batch\": [" + withType(identify(id)) + ", {\"userId\": \"u2\"}]}";

    HttpResponse<String> response = intake.post("/v1/batch", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"started\":1")
        .contains("\"rejected\":1")
        .contains("{\"index\":1,\"reason\":\"batch[1]: type is required");
    assertThat(processesStartedBy(id)).containsExactly("identify-lead");
  }

  @Test
  void eventOverThirtyTwoKilobytesIsTooLarge() {
    String big = "x".repeat(33 * 1024);
    String body =
        "{\"userId\": \"u1\", \"traits\": {\"email\": \"a@b.example\", \"notes\": \""
            + big
            + "\"}}";

    HttpResponse<String> response = intake.post("/v1/identify", body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("at most 32768 bytes");
  }

  @Test
  void batchOverFiveHundredKilobytesIsTooLarge() {
    StringBuilder body = new StringBuilder("{\"batch\": [");
    String notes = "y".repeat(20 * 1024);
    for (int i = 0; i < 30; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              "{\"type\": \"page\", \"anonymousId\": \"a\", \"properties\": " + "{\"notes\": \"")
          .append(notes)
          .append("\"}}");
    }
    body.append("]}");

    HttpResponse<String> response = intake.post("/v1/batch", body.toString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("at most 512000 bytes");
  }

  @Test
  void batchItemOverThirtyTwoKilobytesIsListedAsRejected() {
    String notes = "z".repeat(10 * 1024);
    String body =
        "{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a\", \"properties\": {\"a\": \""
            + notes
            + "\", \"b\": \""
            + notes
            + "\", \"c\": \""
            + notes
            + "\", \"d\": \""
            + notes
            + "\"}}]}";

    HttpResponse<String> response = intake.post("/v1/batch", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"rejected\":1")
        .contains("batch[0] is")
        .contains("at most 32768 bytes");
  }

  @Test
  void batchWithAStringLongerThanAnEventIsBadRequestNamingTheLimit() {
    String body =
        "{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a\", \"properties\": {\"notes\": \""
            + "z".repeat(40 * 1024)
            + "\"}}]}";

    HttpResponse<String> response = intake.post("/v1/batch", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("String value length (")
        .contains("exceeds the maximum allowed (32768)");
  }

  @Test
  void replaySkipsAndReportsAnOverlongLineAndGoesOn() {
    String overlong =
        "{\"type\": \"page\", \"anonymousId\": \"a\", \"name\": \"" + "w".repeat(40 * 1024) + "\"}";
    String page =
        "{\"type\": \"page\", \"anonymousId\": \"a\", \"messageId\": \"" + messageId("p") + "\"}";

    HttpResponse<String> response = intake.post("/v1/replay", overlong + "\r\n\n" + page + "\n");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"lines\":3")
        .contains("\"events\":1")
        .contains("\"rejected\":1")
        .contains("line 1 is longer than 32768 bytes");
  }

  @Test
  void gzippedBodiesAreAcceptedAndTheLimitAppliesToTheJson() throws Exception {
    String id = messageId("gzip");
    HttpResponse<String> small = intake.postGzip("/v1/identify", identify(id));
    String big = "{\"userId\": \"u1\", \"traits\": {\"notes\": \"" + "g".repeat(64 * 1024) + "\"}}";
    HttpResponse<String> large = intake.postGzip("/v1/identify", big);
    HttpResponse<String> notGzip =
        intake.post(
            "/v1/identify",
            identify(messageId("x")).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            IntakeClient.WRITE_KEY,
            "gzip");

    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(processesStartedBy(id)).containsExactly("identify-lead");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(notGzip.body()).contains("gzip");
  }

  @Test
  void repeatedMessageIdStartsItsProcessOnlyOnce() {
    String id = messageId("retry");

    HttpResponse<String> first = intake.post("/v1/identify", identify(id));
    HttpResponse<String> retry = intake.post("/v1/identify", identify(id));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"started\":1").contains("\"duplicates\":0");
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).contains("\"started\":0").contains("\"duplicates\":1");
    assertThat(processesStartedBy(id)).containsExactly("identify-lead");
  }

  @Test
  void sameMessageIdTwiceInOneBatchStartsOnce() {
    String id = messageId("twice");
    String body = "{\"batch\": [" + withType(identify(id)) + "," + withType(identify(id)) + "]}";

    HttpResponse<String> response = intake.post("/v1/batch", body);

    assertThat(response.body())
        .contains("\"events\":2")
        .contains("\"started\":1")
        .contains("\"duplicates\":1");
    assertThat(processesStartedBy(id)).containsExactly("identify-lead");
  }

  @Test
  void eventThatMatchesNoTriggerIsAnsweredAndCounted() {
    double before = unmatchedCount();

    HttpResponse<String> response =
        intake.post(
            "/v1/page",
            "{\"anonymousId\": \"anon-1\", \"name\": \"Pricing\", \"messageId\": \""
                + messageId("page")
                + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"unmatched\":1").contains("\"started\":0");
    assertThat(unmatchedCount()).isEqualTo(before + 1);
  }

  @Test
  void oneEventStartsEveryProcessWhoseTriggerMatches() {
    String id = messageId("order");
    String order =
        "{\"userId\": \"u1\", \"event\": \"Order Completed\", \"messageId\": \""
            + id
            + "\", "
            + "\"properties\": {\"order_id\": \"1\", \"revenue\": 10, \"email\": \"o@shop.example\", "
            + "\"last_name\": \"O\"}}";

    HttpResponse<String> response = intake.post("/v1/track", order);

    assertThat(response.body()).contains("\"started\":2");
    assertThat(processesStartedBy(id)).containsExactly("contact-sync-v2", "order-opportunity");
  }

  @Test
  void unknownEndpointIsNotFoundAndGetIsNotAllowed() {
    assertThat(intake.post("/v1/everything", "{}").statusCode()).isEqualTo(404);
    assertThat(intake.get("/v1/track", null, null).statusCode()).isEqualTo(405);
  }

  @Test
  void restApiRequiresACamundaLogin() {
    assertThat(intake.get("/engine-rest/process-definition/count", null, null).statusCode())
        .isEqualTo(401);
    assertThat(intake.get("/engine-rest/process-definition/count", "nobody", "wrong").statusCode())
        .isEqualTo(401);
    HttpResponse<String> admin =
        intake.get("/engine-rest/process-definition/count", "admin", "test-password");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"count\":");
  }

  @Test
  void messageIdIsGeneratedWhenMissing() {
    HttpResponse<String> response =
        intake.post(
            "/v1/identify",
            "{\"userId\": \"gen-1\", \"traits\": {\"email\": \"gen@x.example\", \"last_name\": \"Gen\"}}");

    assertThat(response.body()).contains("\"started\":1");
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike("api-%")
                .count())
        .isGreaterThanOrEqualTo(1);
  }

  private double unmatchedCount() {
    var counter = meters.find("sfactions.intake.events").tag("outcome", "unmatched").counter();
    return counter == null ? 0 : counter.count();
  }

  static String identify(String messageId) {
    return "{\"userId\": \"u-"
        + messageId
        + "\", \"messageId\": \""
        + messageId
        + "\", \"traits\": {"
        + "\"email\": \""
        + messageId
        + "@example.com\", \"last_name\": \"Doe\", \"company\": \"Acme\"}}";
  }

  static String withType(String event) {
    return "{\"type\": \"identify\", " + event.substring(1);
  }
}
