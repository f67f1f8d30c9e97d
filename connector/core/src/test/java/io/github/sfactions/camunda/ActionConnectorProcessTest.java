package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Action connectors inside a real engine (H2, Java serialization off), talking HTTP to the
 * emulator.
 */
class ActionConnectorProcessTest extends EngineProcessTestSupport {

  @AfterEach
  void noQueue() {
    BulkQueues.current().ifPresent(BulkQueues::unregister);
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-errors.bpmn")
  void aMissingRequiredFieldIsCaughtByThe400BoundaryWithReferenceMessageAndCode() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrors",
            Variables.createVariables()
                .putValue("syncMode", "add")
                .putValue("lastName", "")
                .putValue("matchers", null)
                .putValue("operator", null));

    assertThat(pi).isEnded().hasPassed("RejectedEnd");
    assertThat(pi)
        .variables()
        .containsEntry("errorCode", "400")
        .containsEntry("errorMessage", "Missing last_name value")
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Misconfigured required field");
    assertThat(ORG.stats().totalApiCalls()).isZero();
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-errors.bpmn")
  void aSalesforceValidationErrorIsCaughtByThe400BoundaryWithItsErrorCode() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrors",
            Variables.createVariables()
                .putValue("syncMode", "add")
                .putValue("lastName", "NoCompany")
                .putValue("matchers", null)
                .putValue("operator", null));

    assertThat(pi).isEnded().hasPassed("RejectedEnd");
    assertThat(pi)
        .variables()
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "REQUIRED_FIELD_MISSING");
  }

  @Test
  @Deployment(resources = "bpmn/lead-create-async.bpmn")
  void outputMappingsDeliverTheRecordIdAfterTheAsyncJobRuns() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadCreateAsync", Map.of("lastName", "Async"));
    assertThat(pi).isWaitingAt("CreateLead");
    management.executeJob(
        management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());

    assertThat(pi).isEnded();
    String id =
        (String)
            BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("sfLeadId")
                .singleResult()
                .getValue();
    assertThat(ORG.record("Lead", id).orElseThrow()).containsEntry("LastName", "Async");
  }

  @Test
  @Deployment(resources = "bpmn/lead-create-async.bpmn")
  void salesforceUnavailableIsRetriedThenAReadableIncidentAndARetrySucceeds() {
    ORG.faults().failNext(FaultType.SERVER_UNAVAILABLE, 3, "POST", "/sobjects/Lead", null);
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadCreateAsync", Map.of("lastName", "Retry"));
    String jobId = management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId();

    List<Integer> retriesLeft = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(jobId))
          .isInstanceOf(SalesforceConnectorException.class);
      retriesLeft.add(management.createJobQuery().jobId(jobId).singleResult().getRetries());
    }
    assertThat(retriesLeft).containsExactly(2, 1, 0);

    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage())
        .startsWith("salesforce-lead (Lead add) failed (retryable): ")
        .contains("POST", "/services/data/v62.0/sobjects/Lead", "503", "SERVER_UNAVAILABLE")
        .doesNotContainIgnoringCase("bearer")
        .doesNotContain(SalesforceEmulator.DEMO_PASSWORD + "TOKEN");
    Job job = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(management.getJobExceptionStacktrace(job.getId()))
        .doesNotContainIgnoringCase("bearer ");

    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(pi).isEnded();
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(ORG.records("Lead")).extracting(r -> r.get("LastName")).containsExactly("Retry");
  }

  @Test
  @Deployment(resources = "bpmn/lead-bulk.bpmn")
  void aQueuedRecordKnowsTheProcessInstanceThatQueuedIt() {
    List<BulkQueueEntry> queued = new ArrayList<>();
    BulkQueues.register(
        entry -> {
          queued.add(entry);
          return "q-" + queued.size();
        });
    ProcessInstance pi =
        runtime.startProcessInstanceByKey("LeadBulk", Map.of("lastName", "Queued"));

    assertThat(pi).isWaitingAt("Wait");
    assertThat(pi)
        .variables()
        .containsEntry("sfResult", "queued")
        .containsEntry("sfQueueEntry", "q-1");
    assertThat(queued)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.processInstanceId()).isEqualTo(pi.getId());
              assertThat(e.activityId()).isEqualTo("QueueLead");
              assertThat(e.record().row())
                  .containsEntry("LastName", "Queued")
                  .containsEntry("Company", "Acme");
            });
    assertThat(ORG.stats().totalApiCalls()).isZero();
  }

  @Test
  @Deployment(resources = "bpmn/lead-bulk.bpmn")
  void withoutARegisteredQueueABulkTaskFailsWithAConfigurationError() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("LeadBulk", Map.of("lastName", "X")))
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessageContaining("needs a BulkQueue");
  }

  @Test
  @Deployment(resources = "bpmn/lead-native-upsert.bpmn")
  void nativeUpsertIsOneCallAndItsMultipleChoicesAreCaughtByThe300BoundaryWithSpinJsonIds() {
    ProcessInstance created =
        runtime.startProcessInstanceByKey(
            "LeadNativeUpsert", Map.of("lastName", "Doe", "legacyId", "L-1"));
    assertThat(created).isEnded();
    assertThat(created)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfApiCalls", 1);
    assertThat(ORG.stats().totalApiCalls()).isEqualTo(1);

    String a =
        ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "C", "Legacy__c", "L-2"));
    String b =
        ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "C", "Legacy__c", "L-2"));
    ProcessInstance twins =
        runtime.startProcessInstanceByKey(
            "LeadNativeUpsert", Map.of("lastName", "Z", "legacyId", "L-2"));

    assertThat(twins).isWaitingAt("ReviewDuplicates");
    assertThat(twins)
        .variables()
        .containsEntry("errorCode", "300")
        .containsEntry("errorMessage", "Multiple records returned with given traits")
        .containsEntry(SalesforceErrorCodes.VAR_MATCH_COUNT, 2);
    TypedValue ids = runtime.getVariableTyped(twins.getId(), SalesforceErrorCodes.VAR_RECORD_IDS);
    assertThat(ids.getType().getName()).isEqualTo("json");
    assertThat(((SpinJsonNode) ids.getValue()).elements())
        .extracting(SpinJsonNode::stringValue)
        .containsExactlyInAnyOrder(a, b);
    assertThat(ORG.records("Lead"))
        .extracting(r -> r.get("LastName"))
        .containsExactlyInAnyOrder("Doe", "A", "B");
  }
}
