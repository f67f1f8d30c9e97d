package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.examples.HostileEvents.Hostile;
import io.github.sfactions.examples.HostileEvents.Outcome;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A thousand malformed or hostile events beside a hundred good ones, through the app's intake: each
 * bad one is refused with a message saying why (the whole request, its batch item, or the Lead in
 * "Fix the Lead data"), the intake never answers 5xx, a matcher injection reaches no other record,
 * and every good one — unicode, quotes and SOQL-looking text included — lands exactly as sent.
 */
class HostileEventsTest extends AppTestSupport {

  private static final int HOSTILE = 1000;
  private static final int GOOD = 100;
  private static final int BATCH_ITEMS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired FormService forms;

  @Test
  void aThousandHostileEventsAreRefusedWithReasonsAndTheHundredGoodOnesAllLand()
      throws IOException {
    String seededId =
        salesforce.createRecord(
            "Lead",
            Map.of(
                "LastName", "Seeded", "Company", "Seed Co", "Email", HostileEvents.SEEDED_EMAIL));
    Map<String, Object> seeded = salesforce.record("Lead", seededId).orElseThrow();
    List<Hostile> hostile = HostileEvents.all(HOSTILE);
    List<ObjectNode> good = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      good.add(goodEvent(i));
    }

    // whole requests: each refused on its own
    for (Hostile h : hostile) {
      if (h.outcome() == Outcome.REQUEST_REFUSED) {
        HttpResponse<String> response =
            intake.post("/v1/identify", h.body(), IntakeClient.WRITE_KEY);
        assertThat(response.statusCode()).as(h.kind()).isBetween(400, 499);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("success").asBoolean()).as(h.kind()).isFalse();
        assertThat(error.get("message").asText()).as(h.kind()).isNotBlank();
      }
    }
    // batches: hostile items between the good ones
    List<String> batchItems = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    int goodIndex = 0;
    for (Hostile h : hostile) {
      if (h.outcome() != Outcome.REQUEST_REFUSED) {
        batchItems.add(new String(h.body(), StandardCharsets.UTF_8));
        kinds.add(h.kind());
      }
      if (batchItems.size() % 10 == 9 && goodIndex < GOOD / 2) {
        batchItems.add(good.get(goodIndex++).put("type", "identify").toString());
        kinds.add("good");
      }
    }
    int rejected = 0;
    for (int from = 0; from < batchItems.size(); from += BATCH_ITEMS) {
      int to = Math.min(from + BATCH_ITEMS, batchItems.size());
      String body = "{\"batch\": [" + String.join(",", batchItems.subList(from, to)) + "]}";
      HttpResponse<String> response = intake.post("/v1/batch", body);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(response.body());
      for (JsonNode r : answer.path("rejectedEvents")) {
        int index = from + r.get("index").asInt();
        assertThat(kinds.get(index)).as(r.toString()).isNotEqualTo("good");
        assertThat(r.get("reason").asText()).isNotBlank();
      }
      rejected += answer.get("rejected").asInt();
    }
    // the rest of the good ones alone
    for (ObjectNode event : good.subList(goodIndex, GOOD)) {
      assertThat(intake.post("/v1/identify", event.toString()).body()).contains("\"started\":1");
    }

    assertThat(jobs.runAll()).as("failed job runs").isZero();

    assertThat(rejected).isEqualTo(count(hostile, Outcome.ITEM_REJECTED));
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(tasks.createTaskQuery().taskDefinitionKey("ResolveDuplicate").count()).isZero();
    for (Hostile h : hostile) {
      if (h.outcome() == Outcome.LEAD_REFUSED) {
        Task task =
            tasks.createTaskQuery().processInstanceBusinessKey(h.messageId()).singleResult();
        assertThat(task).as(h.kind()).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("FixLead");
        assertThat(formValues(task))
            .as(h.kind())
            .hasEntrySatisfying("sfErrorCode", code -> assertThat((String) code).isNotBlank())
            .hasEntrySatisfying("leadErrorMessage", m -> assertThat((String) m).isNotBlank());
      }
    }
    assertThat(salesforce.record("Lead", seededId)).contains(seeded);
    for (ObjectNode event : good) {
      JsonNode traits = event.get("traits");
      assertThat(records("Lead", "Email", traits.get("email").asText()))
          .as(traits.toString())
          .singleElement()
          .satisfies(
              lead ->
                  assertThat(lead)
                      .containsEntry("LastName", traits.get("last_name").asText())
                      .containsEntry("Company", traits.get("company").asText()));
    }
    assertThat(salesforce.records("Lead")).hasSize(GOOD + 1);
    // and the intake still takes events
    assertThat(intake.post("/v1/identify", goodEvent(GOOD).toString()).body())
        .contains("\"started\":1");
  }

  /** A valid identify event; some carry unicode, quotes, backslashes and SOQL-looking text. */
  private static ObjectNode goodEvent(int i) {
    String email;
    String lastName;
    String company;
    switch (i % 5) {
      case 0 -> {
        email = "good" + i + "@hostile.example";
        lastName = "Good " + i;
        company = "Plain Co";
      }
      case 1 -> {
        email = "o'brien" + i + "@hostile.example";
        lastName = "Zoë Ångström 李 " + i + " \uD83D\uDE00";
        company = "Ünïcödé GmbH";
      }
      case 2 -> {
        email = "x'or'1'='1-" + i + "@hostile.example";
        lastName = "Robert'); DROP TABLE Leads;-- " + i;
        company = "' OR Name != '";
      }
      case 3 -> {
        email = "back\\slash" + i + "@hostile.example";
        lastName = "Back\\slash \\' " + i;
        company = "%_wild_% Co";
      }
      default -> {
        email = "rtl" + i + "@hostile.example";
        lastName = "\u05E9\u05DC\u05D5\u05DD\u200B " + i;
        company = "Zero\u200DWidth";
      }
    }
    ObjectNode event = HostileEvents.identify("good-" + i, email, lastName, company);
    ((ObjectNode) event.get("traits")).put("score", new BigInteger("9".repeat(99)));
    return event;
  }

  private Map<String, Object> formValues(Task task) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField field : forms.getTaskFormData(task.getId()).getFormFields()) {
      if (field.getValue() != null && field.getValue().getValue() != null) {
        values.put(field.getId(), field.getValue().getValue());
      }
    }
    return values;
  }

  private static long count(List<Hostile> hostile, Outcome outcome) {
    return hostile.stream().filter(h -> h.outcome() == outcome).count();
  }
}
