package io.github.sfactions.camunda;

import static io.github.sfactions.camunda.LeadAddVariables.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failed-job handling the plugin installs, in a real engine against the emulator: what a retry
 * cannot fix goes to an incident after one attempt; what it can fix keeps the retry cycle; a caught
 * rejection follows the model.
 */
@Deployment(resources = "bpmn/lead-add-retry-rules.bpmn")
class RetryRulesProcessTest extends EngineProcessTestSupport {

  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of(
            "no Company", lead("Doe", null, null, null), "REQUIRED_FIELD_MISSING", "Company"),
        Arguments.of(
            "bad email",
            lead("Doe", "Acme", "not-an-email", null),
            "INVALID_EMAIL_ADDRESS",
            "Email"),
        Arguments.of(
            "long name", lead("D".repeat(81), "Acme", null, null), "STRING_TOO_LONG", "Last Name"),
        Arguments.of(
            "unknown field",
            lead("Doe", "Acme", null, "{\"Bogus__c\":1}"),
            "INVALID_FIELD",
            "Bogus__c"),
        Arguments.of(
            "malformed owner",
            lead("Doe", "Acme", null, "{\"OwnerId\":\"nope\"}"),
            "MALFORMED_ID",
            "OwnerId"),
        Arguments.of(
            "owner of the wrong type",
            lead("Doe", "Acme", null, "{\"OwnerId\":\"00Q000000000001\"}"),
            "FIELD_INTEGRITY_EXCEPTION",
            "OwnerId"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void aSalesforceRejectionNoModelCatchesIsAnIncidentAfterOneAttemptWithItsMessage(
      String name, Map<String, Object> variables, String errorCode, String named) {
    ProcessInstance pi = runtime.startProcessInstanceByKey("LeadAddUncaught", variables);
    String jobId = jobOf(pi).getId();

    assertThatThrownBy(() -> management.executeJob(jobId))
        .isInstanceOf(SalesforceConnectorException.class)
        .satisfies(e -> assertThat(((SalesforceConnectorException) e).retryable()).isFalse());

    Job job = jobOf(pi);
    assertThat(job.getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage())
        .startsWith("salesforce-lead (Lead add) failed")
        .contains(errorCode, named);
    assertThat(leadCalls()).hasSize(1);
    assertThat(ORG.stats().totalApiCalls()).isEqualTo(1);
    assertThat(ORG.records("Lead")).isEmpty();
    assertThat(pi).isNotEnded();
  }

  @Test
  void invalidInputIsAnIncidentAtOnceWithoutAnyCall() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadAddUncaught", lead("", "Acme", null, null));
    String jobId = jobOf(pi).getId();

    assertThatThrownBy(() -> management.executeJob(jobId))
        .isInstanceOf(SalesforceConnectorException.class);

    assertThat(jobOf(pi).getRetries()).isZero();
    assertThat(
            runtime
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getIncidentMessage())
        .isEqualTo(
            "salesforce-lead (Lead add) failed: Missing last_name value [Misconfigured required field,"
                + " status 400]; no error boundary event or event sub-process catches BPMN error 400");
    assertThat(ORG.stats().totalApiCalls()).isZero();
  }

  @Test
  void aRetryableFailureKeepsTheRetryCycle() {
    ORG.faults().failNext(FaultType.SERVER_UNAVAILABLE, 2, "POST", "/sobjects/Lead", null);
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadAddUncaught", lead("Doe", "Acme", null, null));
    String jobId = jobOf(pi).getId();

    assertThatThrownBy(() -> management.executeJob(jobId))
        .isInstanceOf(SalesforceConnectorException.class);
    assertThat(jobOf(pi).getRetries()).isEqualTo(2);
    assertThatThrownBy(() -> management.executeJob(jobId))
        .isInstanceOf(SalesforceConnectorException.class);
    assertThat(jobOf(pi).getRetries()).isEqualTo(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

    management.executeJob(jobId);
    assertThat(pi).isEnded();
    assertThat(leadCalls()).extracting(RecordedRequest::status).containsExactly(503, 503, 201);
  }

  @Test
  void aCaughtRejectionFollowsTheBoundaryEventWithSalesforcesMessage() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadAddCaught", lead("Doe", null, null, null));
    management.executeJob(jobOf(pi).getId());

    assertThat(pi).isWaitingAt("FixLead");
    assertThat(pi)
        .variables()
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "REQUIRED_FIELD_MISSING")
        .hasEntrySatisfying("errorMessage", m -> assertThat((String) m).contains("Company"));
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(leadCalls()).hasSize(1);
  }

  @Test
  void aRejectionInACalledProcessIsCaughtByTheCallersEventSubProcess() {
    ProcessInstance caller =
        runtime.startProcessInstanceByKey("LeadAddCaller", lead("Doe", null, null, null));
    ProcessInstance called =
        runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    management.executeJob(jobOf(called).getId());

    assertThat(caller).isWaitingAt("FixCalledLead");
    Task fix = BpmnAwareTests.task(caller);
    assertThat(fix.getName()).isEqualTo("Fix the Lead data");
    assertThat((String) runtime.getVariable(caller.getId(), "errorMessage")).contains("Company");
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = {"bpmn/lead-add-retry-rules.bpmn", "bpmn/lead-add-from-code.bpmn"})
  void aConnectorCalledFromCodeStillThrowsItsBpmnErrorForTheCodeToCatch() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadAddFromCode", Map.of("lastName", ""));
    management.executeJob(jobOf(pi).getId());

    assertThat(pi).isWaitingAt("Wait").variables().containsEntry("caught", "400");
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private Job jobOf(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  private static List<RecordedRequest> leadCalls() {
    return ORG.requests().stream().filter(r -> r.path().contains("/sobjects/Lead")).toList();
  }
}
