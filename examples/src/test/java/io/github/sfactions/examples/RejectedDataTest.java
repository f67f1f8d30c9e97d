package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.sfactions.camunda.impl.RetryAwareFailedJobCommandFactory;
import io.github.sfactions.emulator.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data Salesforce rejects, in the Spring Boot app: the identify example catches {@code 400} in the
 * task "Fix the Lead data"; a process without such a handler gets an incident after one attempt,
 * logged in one line.
 */
class RejectedDataTest extends AppTestSupport {

  @Autowired FormService forms;

  @Test
  void aRejectedLeadWaitsAtFixTheLeadDataWithSalesforcesMessageAndIsSentAgainCorrected() {
    String id = messageId("badmail");
    intake.post("/v1/identify", identify(id, "pat-at-globex", "Smith"));

    assertThat(jobs.runAll()).isZero();

    Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("FixLead");
    assertThat(task.getName()).isEqualTo("Fix the Lead data");
    Map<String, Object> form =
        forms.getTaskFormData(task.getId()).getFormFields().stream()
            .filter(f -> f.getValue() != null && f.getValue().getValue() != null)
            .collect(Collectors.toMap(FormField::getId, f -> f.getValue().getValue()));
    assertThat(form)
        .containsEntry("sfErrorCode", "INVALID_EMAIL_ADDRESS")
        .containsEntry("fixedEmail", "pat-at-globex")
        .containsEntry("fixedLastName", "Smith")
        .containsEntry("discardLead", false);
    assertThat((String) form.get("leadErrorMessage"))
        .contains("invalid email address", "pat-at-globex");
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(leadCalls("POST")).hasSize(1);

    forms.submitTaskForm(task.getId(), corrections("pat@globex.example", false));
    assertThat(jobs.runAll()).isZero();

    assertThat(records("Lead", "Email", "pat@globex.example"))
        .singleElement()
        .satisfies(
            lead ->
                assertThat(lead)
                    .containsEntry("LastName", "Smith")
                    .containsEntry("Company", "Globex"));
    assertThat(history.createHistoricActivityInstanceQuery().activityId("LeadSynced").list())
        .anySatisfy(
            a -> assertThat(a.getProcessInstanceId()).isEqualTo(task.getProcessInstanceId()));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count())
        .isZero();
  }

  @Test
  void aRejectedLeadCanBeDiscarded() {
    String id = messageId("discard");
    intake.post("/v1/identify", identify(id, "nobody-at-all", "Nobody"));
    jobs.runAll();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();

    forms.submitTaskForm(task.getId(), corrections("nobody-at-all", true));
    assertThat(jobs.runAll()).isZero();

    assertThat(history.createHistoricActivityInstanceQuery().activityId("LeadDiscarded").list())
        .anySatisfy(
            a -> assertThat(a.getProcessInstanceId()).isEqualTo(task.getProcessInstanceId()));
    assertThat(salesforce.records("Lead")).isEmpty();
    assertThat(leadCalls("POST")).hasSize(1);
  }

  @Test
  void aRejectionNoModelCatchesIsAnIncidentAfterOneAttemptLoggedInOneLine() {
    String groupId = messageId("G").substring(0, 20);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(captured);
    int failedRuns;
    try {
      intake.post(
          "/v1/group",
          "{\"userId\": \"u1\", \"groupId\": \""
              + groupId
              + "\", \"traits\": {\"name\": \""
              + "N".repeat(300)
              + "\"}}");
      failedRuns = jobs.runAll();
    } finally {
      root.detachAppender(captured);
    }

    assertThat(failedRuns).isEqualTo(1);
    Incident incident = runtime.createIncidentQuery().singleResult();
    assertThat(incident.getIncidentMessage())
        .startsWith("salesforce-account (Account upsert) failed")
        .contains("STRING_TOO_LONG", "Account Name");
    assertThat(salesforce.requests())
        .filteredOn(r -> r.path().contains("/sobjects/Account"))
        .extracting(RecordedRequest::method)
        .containsExactly("POST");
    assertThat(salesforce.records("Account")).isEmpty();

    List<ILoggingEvent> visible =
        captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    assertThat(visible)
        .allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull());
    assertThat(visible)
        .filteredOn(e -> e.getLoggerName().equals(RetryAwareFailedJobCommandFactory.LOGGER_NAME))
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains(
            "not retryable: retries set to 0 (incident)",
            "connector=salesforce-account",
            "action=\"Account upsert\"",
            "status=400",
            "errorCode=STRING_TOO_LONG")
        .doesNotContain("\n");
  }

  private List<RecordedRequest> leadCalls(String method) {
    return salesforce.requests().stream()
        .filter(r -> r.path().contains("/sobjects/Lead") && r.method().equals(method))
        .toList();
  }

  private static Map<String, Object> corrections(String email, boolean discard) {
    Map<String, Object> values = new HashMap<>();
    values.put("fixedLastName", "Smith");
    values.put("fixedFirstName", null);
    values.put("fixedCompany", "Globex");
    values.put("fixedEmail", email);
    values.put("discardLead", discard);
    return values;
  }

  private static String identify(String messageId, String email, String lastName) {
    return "{\"userId\": \"u-"
        + messageId
        + "\", \"messageId\": \""
        + messageId
        + "\", \"traits\": {\"email\": \""
        + email
        + "\", \"last_name\": \""
        + lastName
        + "\", \"company\": \"Globex\"}}";
  }
}
