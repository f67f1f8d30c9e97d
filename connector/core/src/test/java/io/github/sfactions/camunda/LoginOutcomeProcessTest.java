package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * A login inside a job (the engine's shared connection re-logs in after its session expired): any
 * 2xx with a token works; a failure's exception carries the reference text and the incident adds
 * the context, and no token of the token endpoint's answer reaches the exception, its causes, the
 * job, the incident or the variables.
 */
class LoginOutcomeProcessTest extends EngineProcessTestSupport {

  private static final String TOKEN = "/services/oauth2/token";
  private static final String ACCESS = "00D000000000001!AQ4AQEngineFakeAccess.z1";
  private static final String REFRESH = "5Aep861EngineFakeRefresh.Zz==";

  private static String tokenBody(String instanceUrl) {
    return "{\"access_token\":\""
        + ACCESS
        + "\",\"refresh_token\":\""
        + REFRESH
        + "\",\"instance_url\":\""
        + instanceUrl
        + "\",\"token_type\":\"Bearer\"}";
  }

  private String jobOf(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  /** Runs the job once with the next token answer rewritten; returns what the job threw. */
  private Throwable failedAttempt(String jobId, int status, String body) {
    ORG.expireSessions();
    ORG.faults().overrideNext(1, "POST", TOKEN, status, body);
    List<Throwable> thrown = new ArrayList<>();
    assertThatThrownBy(() -> management.executeJob(jobId)).satisfies(thrown::add);
    return thrown.get(0);
  }

  private static String chain(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  private void assertNoTokenAnywhere(ProcessInstance pi, String jobId, Throwable thrown) {
    List<String> seen = new ArrayList<>();
    seen.add(chain(thrown));
    seen.add(management.getJobExceptionStacktrace(jobId));
    seen.add(
        String.valueOf(
            management.createJobQuery().jobId(jobId).singleResult().getExceptionMessage()));
    for (Incident incident : runtime.createIncidentQuery().processInstanceId(pi.getId()).list()) {
      seen.add(incident.getIncidentMessage());
    }
    seen.add(String.valueOf(runtime.getVariables(pi.getId())));
    for (HistoricVariableInstance v :
        BpmnAwareTests.historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .list()) {
      seen.add(String.valueOf(v.getValue()));
    }
    assertThat(seen)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(
                        ACCESS, REFRESH, "access_token", SalesforceEmulator.DEMO_CLIENT_SECRET));
  }

  @Test
  @Deployment(resources = "bpmn/lead-create-async.bpmn")
  void aLoginAnswered201IsALoginAndTheJobCompletes() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadCreateAsync", Map.of("lastName", "Created201"));
    ORG.expireSessions();
    ORG.faults().overrideNext(1, "POST", TOKEN, 201, null);
    management.executeJob(jobOf(pi));

    assertThat(pi).isEnded();
    assertThat(ORG.records("Lead"))
        .extracting(r -> r.get("LastName"))
        .containsExactly("Created201");
  }

  @Test
  @Deployment(resources = "bpmn/lead-create-async.bpmn")
  void aServerErrorCarryingTokensGivesTheReferenceTextWithContextInTheIncidentAndNoToken() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadCreateAsync", Map.of("lastName", "Never"));
    String jobId = jobOf(pi);
    String expected =
        "salesforce-lead (Lead add) failed (retryable): Failed to refresh access token"
            + " [POST /services/oauth2/token, status 500, username-password flow, client id "
            + SalesforceEmulator.DEMO_CLIENT_ID
            + "]";

    Throwable first = failedAttempt(jobId, 500, tokenBody(ORG.instanceUrl()));
    assertThat(first).isInstanceOf(SalesforceConnectorException.class).hasMessage(expected);
    assertThat(first.getCause()).hasMessage("Failed to refresh access token");
    assertNoTokenAnywhere(pi, jobId, first);

    management.setJobRetries(jobId, 1);
    Throwable last = failedAttempt(jobId, 500, tokenBody(ORG.instanceUrl()));
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).isEqualTo(expected);
    assertNoTokenAnywhere(pi, jobId, last);
    assertThat(ORG.records("Lead")).isEmpty();
  }

  @Test
  @Deployment(resources = "bpmn/lead-create-async.bpmn")
  void aTwoHundredOneCarryingTokensForAForeignInstanceGivesTheInstanceUrlTextAndNoToken() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadCreateAsync", Map.of("lastName", "Never"));
    String jobId = jobOf(pi);

    Throwable thrown = failedAttempt(jobId, 201, tokenBody("https://evil.example.com"));
    assertThat(thrown)
        .isInstanceOf(SalesforceConnectorException.class)
        .hasMessageStartingWith(
            "salesforce-lead (Lead add) failed: Invalid Salesforce instance URL. Please login"
                + " through OAuth again. [POST /services/oauth2/token, status 400, INVALID_INSTANCE_URL,"
                + " username-password flow, client id "
                + SalesforceEmulator.DEMO_CLIENT_ID)
        .hasMessageContaining("evil.example.com is not a Salesforce host");
    assertThat(thrown.getCause())
        .hasMessage("Invalid Salesforce instance URL. Please login through OAuth again.");
    assertNoTokenAnywhere(pi, jobId, thrown);
  }
}
