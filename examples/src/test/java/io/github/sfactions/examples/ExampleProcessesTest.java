package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Events in over HTTP, the example processes run, records land in the emulated org with the right
 * fields.
 */
class ExampleProcessesTest extends AppTestSupport {

  @Test
  void identifyUpsertsALeadWithSegmentsDefaultMappings() {
    String id = messageId("identify");
    String email = id + "@acme.example";
    intake.post(
        "/v1/identify",
        "{\"userId\": \"u1\", \"messageId\": \""
            + id
            + "\", \"traits\": {"
            + "\"first_name\": \"Jane\", \"last_name\": \"Doe\", \"email\": \""
            + email
            + "\", \"company\": \"Acme\", "
            + "\"address\": {\"city\": \"Springfield\", \"postal_code\": \"12345\", \"country\": \"US\"}}}");

    jobs.runAll();

    List<Map<String, Object>> leads = records("Lead", "Email", email);
    assertThat(leads)
        .singleElement()
        .satisfies(
            lead ->
                assertThat(lead)
                    .containsEntry("FirstName", "Jane")
                    .containsEntry("LastName", "Doe")
                    .containsEntry("Company", "Acme")
                    .containsEntry("City", "Springfield")
                    .containsEntry("PostalCode", "12345")
                    .containsEntry("Country", "US"));
    assertThat(history.createHistoricVariableInstanceQuery().variableName("leadResult").list())
        .anySatisfy(v -> assertThat(v.getValue()).isEqualTo("created"));
  }

  @Test
  void secondIdentifyForTheSameEmailUpdatesTheLead() {
    String email = messageId("again") + "@acme.example";
    intake.post("/v1/identify", identifyFor(messageId("first"), email, "Acme"));
    jobs.runAll();
    intake.post("/v1/identify", identifyFor(messageId("second"), email, "Acme Renamed"));
    jobs.runAll();

    assertThat(records("Lead", "Email", email))
        .singleElement()
        .satisfies(lead -> assertThat(lead).containsEntry("Company", "Acme Renamed"));
  }

  @Test
  void severalLeadsWithTheEmailLeadToTheResolveDuplicateTask() {
    String email = messageId("dup") + "@globex.example";
    salesforce.createRecord(
        "Lead", Map.of("LastName", "Smith", "Company", "Globex", "Email", email));
    salesforce.createRecord(
        "Lead", Map.of("LastName", "Smyth", "Company", "Globex", "Email", email));
    String id = messageId("dup");

    intake.post("/v1/identify", identifyFor(id, email, "Globex"));
    jobs.runAll();

    Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("ResolveDuplicate");
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "duplicateMessage"))
        .isEqualTo("Multiple records returned with given traits");
    assertThat(records("Lead", "Email", email)).hasSize(2);
  }

  @Test
  void groupUpsertsAnAccountByGroupId() {
    String groupId = messageId("G").substring(0, 20); // AccountNumber holds 40 characters
    intake.post(
        "/v1/group",
        "{\"userId\": \"u1\", \"groupId\": \""
            + groupId
            + "\", \"traits\": {\"name\": "
            + "\"Initech\", \"employees\": \"120\", \"website\": \"https://initech.example\", \"address\": {\"city\": "
            + "\"Austin\"}}}");

    jobs.runAll();

    assertThat(records("Account", "AccountNumber", groupId))
        .singleElement()
        .satisfies(
            account ->
                assertThat(account)
                    .containsEntry("Name", "Initech")
                    .containsEntry("Website", "https://initech.example")
                    .containsEntry("BillingCity", "Austin")
                    .containsEntry("NumberOfEmployees", new BigDecimal("120")));
  }

  @Test
  void orderCompletedCreatesAnOpportunityAndUpsertsTheBuyerAsContact() {
    String email = messageId("buyer") + "@shop.example";
    intake.post(
        "/v1/track",
        "{\"userId\": \"u9\", \"event\": \"Order Completed\", \"timestamp\": "
            + "\"2026-11-20T08:00:00.000Z\", \"properties\": {\"order_id\": \"A-77\", \"revenue\": 99.5, \"email\": \""
            + email
            + "\"}, \"context\": {\"traits\": {\"last_name\": \"Buyer\", \"first_name\": \"Bo\"}}}");

    jobs.runAll();

    assertThat(records("Opportunity", "Name", "Order A-77"))
        .singleElement()
        .satisfies(
            o ->
                assertThat(o)
                    .containsEntry("StageName", "Closed Won")
                    .containsEntry("CloseDate", "2026-11-20")
                    .containsEntry("Amount", new BigDecimal("99.5"))
                    .containsEntry("Description", "Order A-77 by u9"));
    assertThat(records("Contact", "Email", email))
        .singleElement()
        .satisfies(
            c -> assertThat(c).containsEntry("LastName", "Buyer").containsEntry("FirstName", "Bo"));
  }

  @Test
  void supportTicketOpenedCreatesACase() {
    String subject = messageId("ticket");
    intake.post(
        "/v1/track",
        "{\"anonymousId\": \"a1\", \"event\": \"Support Ticket Opened\", \"properties\": "
            + "{\"subject\": \""
            + subject
            + "\", \"description\": \"Printer on fire\", \"email\": \"it@x.example\"}}");

    jobs.runAll();

    assertThat(records("Case", "Subject", subject))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .containsEntry("Description", "Printer on fire")
                    .containsEntry("Origin", "Web")
                    .containsEntry("SuppliedEmail", "it@x.example"));
  }

  @Test
  void unsubscribedDeletesTheContactAndAMissingOneEndsQuietly() {
    String email = messageId("leaver") + "@x.example";
    salesforce.createRecord("Contact", Map.of("LastName", "Leaver", "Email", email));
    String unsubscribe =
        "{\"userId\": \"u5\", \"event\": \"Unsubscribed\", \"properties\": {\"email\": \""
            + email
            + "\"}}";

    intake.post("/v1/track", unsubscribe);
    jobs.runAll();
    String again = messageId("again");
    intake.post(
        "/v1/track",
        unsubscribe.replace("{\"userId\"", "{\"messageId\": \"" + again + "\", \"userId\""));
    jobs.runAll();

    assertThat(records("Contact", "Email", email)).isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("NothingToDelete").list())
        .anySatisfy(
            a ->
                assertThat(
                        history
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(a.getProcessInstanceId())
                            .singleResult()
                            .getBusinessKey())
                    .isEqualTo(again));
  }

  @Test
  void theUnsubscribeSampleDeletesJanesContact() throws Exception {
    salesforce.createRecord(
        "Contact", Map.of("FirstName", "Jane", "LastName", "Doe", "Email", "jane@acme.example"));
    String jsonLines =
        java.nio.file.Files.readString(java.nio.file.Path.of("events/unsubscribe.jsonl"));

    HttpResponse<String> response = intake.post("/v1/replay", jsonLines);
    jobs.runAll();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"lines\":1")
        .contains("\"started\":1")
        .contains("\"done\":true");
    assertThat(records("Contact", "Email", "jane@acme.example")).isEmpty();
    assertThat(processesStartedBy("demo-unsubscribed-jane")).containsExactly("contact-sync-v2");
    assertThat(history.createHistoricActivityInstanceQuery().activityId("ContactDeleted").list())
        .isNotEmpty();
  }

  @Test
  void replayOfTheSampleFileStartsEveryProcessAndReportsProgress() throws Exception {
    String jsonLines =
        java.nio.file.Files.readString(java.nio.file.Path.of("events/demo.jsonl")) + "not json\n";

    HttpResponse<String> response = intake.post("/v1/replay", jsonLines);
    jobs.runAll();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"lines\":8")
        .contains("\"events\":7")
        .contains("\"started\":7")
        .contains("\"unmatched\":1")
        .contains("\"rejected\":1")
        .contains("\"done\":true")
        .contains("line 8: malformed JSON");
    assertThat(records("Lead", "Email", "jane@acme.example")).hasSize(1);
    assertThat(records("Account", "AccountNumber", "ACME-42")).hasSize(1);
    assertThat(records("Opportunity", "Name", "Order 5001")).hasSize(1);
    assertThat(records("Case", "Subject", "Cannot log in")).hasSize(1);

    HttpResponse<String> again = intake.post("/v1/replay", jsonLines);
    assertThat(again.body()).contains("\"started\":0").contains("\"duplicates\":6");
  }

  @Test
  void newsletterSubscribedUpsertsTheLeadThroughMicroBatchDeliveryWithinSeconds() {
    String first = messageId("news") + "@initech.example";
    String second = messageId("news") + "@initech.example";
    intake.post("/v1/track", newsletterFor(messageId("news-a"), first));
    intake.post("/v1/track", newsletterFor(messageId("news-b"), second));
    jobs.runAll();
    // queued, not written: the group goes after maxDelay (1 s), started by the node's trigger
    assertThat(records("Lead", "Email", first)).isEmpty();

    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (records("Lead", "Email", second).isEmpty() && System.nanoTime() < deadline) {
      jobs.runAll();
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
    }
    jobs.runAll();

    for (String email : List.of(first, second)) {
      assertThat(records("Lead", "Email", email))
          .singleElement()
          .satisfies(
              lead ->
                  assertThat(lead)
                      .containsEntry("LastName", "Lee")
                      .containsEntry("Company", "Initech")
                      .containsEntry("LeadSource", "Newsletter"));
    }
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("newsletter-lead")
                .finished()
                .list())
        .filteredOn(p -> "LeadSynced".equals(p.getEndActivityId()))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  private static String newsletterFor(String messageId, String email) {
    return "{\"userId\": \"u-"
        + messageId
        + "\", \"messageId\": \""
        + messageId
        + "\", \"event\": \"Newsletter Subscribed\", \"properties\": {\"email\": \""
        + email
        + "\", \"last_name\": \"Lee\", \"company\": \"Initech\"}}";
  }

  private static String identifyFor(String messageId, String email, String company) {
    return "{\"userId\": \"u-"
        + messageId
        + "\", \"messageId\": \""
        + messageId
        + "\", \"traits\": {\"email\": \""
        + email
        + "\", \"last_name\": \"Doe\", \"company\": \""
        + company
        + "\"}}";
  }
}
