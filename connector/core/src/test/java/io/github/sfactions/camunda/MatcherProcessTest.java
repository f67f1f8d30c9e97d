package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.action.TestOrg;
import io.github.sfactions.emulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * Lookups inside processes: upsert by matcher, 0 / 1 / many branches, BPMN errors 300 and 404,
 * find-records.
 */
class MatcherProcessTest extends EngineProcessTestSupport {

  @Test
  @Deployment(resources = "bpmn/lead-upsert.bpmn")
  void anExistingConnectorBpmnUpsertsALeadCreatingThenUpdatingIt() {
    Map<String, Object> vars = Map.of("lastName", "Doe", "company", "Acme", "email", "doe@acme.io");
    ProcessInstance first = runtime.startProcessInstanceByKey("LeadUpsert", vars);
    assertThat(first).isEnded();
    assertThat(first)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfMatchCount", 0)
        .containsEntry("sfStatus", 201)
        .containsEntry("sfApiCalls", 2);
    String id =
        (String)
            BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(first.getId())
                .variableName("sfLeadId")
                .singleResult()
                .getValue();
    assertThat(ORG.record("Lead", id).orElseThrow()).containsEntry("Note__c", "from Camunda");

    ProcessInstance second =
        runtime.startProcessInstanceByKey(
            "LeadUpsert",
            Map.of("lastName", "Doe-Smith", "company", "Acme", "email", "doe@acme.io"));
    assertThat(second)
        .variables()
        .containsEntry("sfLeadId", id)
        .containsEntry("sfResult", "updated")
        .containsEntry("sfApiCalls", 2);
    List<RecordedRequest> requests = TestOrg.dataRequests(ORG);
    assertThat(requests)
        .extracting(RecordedRequest::method)
        .containsExactly("GET", "POST", "GET", "PATCH");
    assertThat(TestOrg.soql(requests.get(2)))
        .isEqualTo("SELECT Id FROM Lead WHERE Email = 'doe@acme.io'");
    assertThat(requests.get(3).body())
        .isEqualTo(
            "{\"LastName\":\"Doe-Smith\",\"Company\":\"Acme\",\"Email\":\"doe@acme.io\",\"Note__c\":\"from Camunda\"}");
    assertThat(ORG.stats().totalApiCalls()).isEqualTo(4);
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-errors.bpmn")
  void severalMatchesAreCaughtByThe300BoundaryWithTheIdsAndNothingChanges() {
    String a = ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "Twin"));
    String b = ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "Twin"));
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrors",
            Variables.createVariables()
                .putValue("syncMode", "update")
                .putValue("lastName", "Z")
                .putValue("operator", "OR")
                .putValueTyped(
                    "matchers", SpinValues.jsonValue("{\"Company\":\"Twin\"}").create()));

    assertThat(pi).isWaitingAt("ReviewDuplicates");
    assertThat(pi)
        .variables()
        .containsEntry("errorCode", "300")
        .containsEntry("errorMessage", "Multiple records returned with given traits")
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Multiple Records Found")
        .containsEntry(SalesforceErrorCodes.VAR_MATCH_COUNT, 2);
    TypedValue ids = runtime.getVariableTyped(pi.getId(), SalesforceErrorCodes.VAR_RECORD_IDS);
    assertThat(ids.getType().getName()).isEqualTo("json");
    assertThat(((SpinJsonNode) ids.getValue()).elements())
        .extracting(SpinJsonNode::stringValue)
        .containsExactlyInAnyOrder(a, b);
    assertThat(ORG.records("Lead"))
        .extracting(r -> r.get("LastName"))
        .containsExactlyInAnyOrder("A", "B");
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-error-scopes.bpmn")
  void
      errorVariablesGoToTheNearestScopeThatHasThemElseTheProcessInstanceOverwritingUserVariables() {
    ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "Twin"));
    ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "Twin"));
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrorScopes",
            Variables.createVariables()
                .putValue("matchers", "{\"Company\":\"Twin\"}")
                .putValue(SalesforceErrorCodes.VAR_MATCH_COUNT, "mine"));

    assertThat(pi).isWaitingAt("Review");
    String subProcessExecution =
        BpmnAwareTests.taskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getExecutionId();
    assertThat(subProcessExecution).isNotEqualTo(pi.getId());
    // the subprocess declares sfErrorCode locally, so the connector's value lands there and ends
    // with it
    assertThat(runtime.getVariablesLocal(subProcessExecution))
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Multiple Records Found");
    Map<String, Object> instance = runtime.getVariablesLocal(pi.getId());
    assertThat(instance)
        .doesNotContainKey(SalesforceErrorCodes.VAR_ERROR_CODE)
        // the process's own matchCount is overwritten
        .containsEntry(SalesforceErrorCodes.VAR_MATCH_COUNT, 2)
        .containsKey(SalesforceErrorCodes.VAR_RECORD_IDS)
        // the engine's errorCodeVariable follows the same rule, from the boundary event's scope
        .containsEntry("errorCode", "300");
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-errors.bpmn")
  void noMatchIsCaughtByThe404Boundary() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrors",
            Variables.createVariables()
                .putValue("syncMode", "update")
                .putValue("lastName", "Z")
                .putValue("operator", "AND")
                .putValue("matchers", "{\"Email\":\"ghost@x.io\",\"Company\":\"None\"}"));
    assertThat(pi).isEnded().hasPassed("NoLead");
    assertThat(pi)
        .variables()
        .containsEntry("errorMessage", "No record found with given traits")
        .containsEntry(SalesforceErrorCodes.VAR_MATCH_COUNT, 0);
  }

  @Test
  @Deployment(resources = "bpmn/lead-update-errors.bpmn")
  void anInvalidOperatorIsCaughtByThe400Boundary() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "LeadUpdateErrors",
            Variables.createVariables()
                .putValue("syncMode", "update")
                .putValue("lastName", "Z")
                .putValue("operator", "XOR")
                .putValue("matchers", "{\"Email\":\"a@x.io\"}"));
    assertThat(pi).isEnded().hasPassed("RejectedEnd");
    assertThat(pi).variables().containsEntry("errorMessage", "Invalid SOQL operator - XOR");
  }

  @Test
  @Deployment(resources = "bpmn/find-then-branch.bpmn")
  void findRecordsBranchesOnZeroOneAndMany() {
    ProcessInstance none =
        runtime.startProcessInstanceByKey(
            "FindThenBranch", Map.of("matchers", "{\"Email\":\"x@y.io\"}"));
    assertThat(none).isEnded().hasPassed("NoneFound");

    String id = ORG.createRecord("Contact", Map.of("LastName", "One", "Email", "one@x.io"));
    ProcessInstance one =
        runtime.startProcessInstanceByKey(
            "FindThenBranch", Map.of("matchers", "{\"Email\":\"one@x.io\"}"));
    assertThat(one).isEnded().hasPassed("Updated");
    assertThat(ORG.record("Contact", id).orElseThrow()).containsEntry("Title", "Customer");

    ORG.createRecord("Contact", Map.of("LastName", "Two", "Email", "one@x.io"));
    ProcessInstance many =
        runtime.startProcessInstanceByKey(
            "FindThenBranch", Map.of("matchers", "{\"Email\":\"one@x.io\"}"));
    assertThat(many).isEnded().hasPassed("ManyFound");
    TypedValue ids =
        BpmnAwareTests.historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(many.getId())
            .variableName("contactIds")
            .singleResult()
            .getTypedValue();
    assertThat(ids.getType().getName()).isEqualTo("json");
    assertThat(ids.getValue().toString()).contains(id);
    String json =
        (String)
            BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(many.getId())
                .variableName("contactIdsJson")
                .singleResult()
                .getValue();
    assertThat(json).startsWith("[\"").contains(id);
  }
}
