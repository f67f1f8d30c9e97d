package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.action.TestOrg;
import io.github.sfactions.emulator.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Spec §6/§7 in a real engine against the emulator: a single-record write is judged by its HTTP
 * status, not its body; a lookup answer that cannot be counted is {@code Response missing expected
 * fields}, never "0 matches".
 */
class ReferenceOutcomesProcessTest extends EngineProcessTestSupport {

  private static final String LEADS = "/sobjects/Lead";
  private static final String NO_TOTAL_SIZE = "{\"done\":true,\"records\":[]}";
  private static final String ONE_WITHOUT_ID =
      "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":"
          + "{\"type\":\"Lead\"},\"LastName\":\"Twin\"}]}";

  private ProcessInstance writeLead(
      String syncMode, String lastName, String matchers, String externalIdField) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("syncMode", syncMode);
    vars.put("lastName", lastName);
    vars.put("matchers", matchers);
    vars.put("externalIdField", externalIdField);
    return runtime.startProcessInstanceByKey("LeadWriteOutcomes", vars);
  }

  private ProcessInstance writeRecord(String operation, String lastName, String externalIdValue) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("operation", operation);
    vars.put("lastName", lastName);
    vars.put("externalIdField", externalIdValue == null ? null : "Ext__c");
    vars.put("externalIdValue", externalIdValue);
    return runtime.startProcessInstanceByKey("RecordWrite", vars);
  }

  private List<String> lastNames() {
    return ORG.records("Lead").stream().map(r -> (String) r.get("LastName")).toList();
  }

  private List<RecordedRequest> writes() {
    return TestOrg.dataRequests(ORG).stream().filter(r -> !r.method().equals("GET")).toList();
  }

  @Test
  @Deployment(resources = "bpmn/lead-write-outcomes.bpmn")
  void aCreateAnswered201WithAnEmptyObjectIsACreatedRecordWithoutId() {
    ORG.faults().overrideNext(1, "POST", LEADS, null, "{}");
    ProcessInstance pi = writeLead("add", "Quiet", null, null);

    assertThat(pi).isEnded().hasPassed("Written");
    assertThat(pi)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfLeadId", null)
        .containsEntry("sfStatus", 201)
        .doesNotContainKey("errorCode");
    assertThat(lastNames()).containsExactly("Quiet");
  }

  @Test
  @Deployment(resources = "bpmn/lead-write-outcomes.bpmn")
  void aCreateAnsweredWithAnEmptyBodyOrWithoutSuccessIsStillCreated() {
    ORG.faults().overrideNext(1, "POST", LEADS, 201, "");
    assertThat(writeLead("add", "Empty", null, null)).isEnded().hasPassed("Written");

    ORG.faults().overrideNext(1, "POST", LEADS, 200, "{\"id\":\"00Q5e00000AbCdEAAZ\"}");
    ProcessInstance withId = writeLead("add", "NoSuccessFlag", null, null);
    assertThat(withId).isEnded().hasPassed("Written");
    assertThat(withId).variables().containsEntry("sfLeadId", "00Q5e00000AbCdEAAZ");

    ORG.faults().overrideNext(1, "POST", LEADS, null, "<html>created</html>");
    assertThat(writeLead("add", "NotJson", null, null)).isEnded().hasPassed("Written");
    assertThat(lastNames()).containsExactly("Empty", "NoSuccessFlag", "NotJson");
    assertThat(writes()).as("a created record is never created twice").hasSize(3);
  }

  @Test
  @Deployment(resources = "bpmn/lead-write-outcomes.bpmn")
  void theCreateBranchOfAnUpsertAndTheNativeUpsertAreJudgedByStatus() {
    ORG.faults().overrideNext(1, "POST", LEADS, null, "{}");
    ProcessInstance upsert = writeLead("upsert", "Branch", "{\"Email\":\"branch@acme.io\"}", null);
    assertThat(upsert).isEnded().hasPassed("Written");
    assertThat(upsert)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfMatchCount", 0)
        .containsEntry("sfLeadId", null);

    ORG.faults().overrideNext(1, "PATCH", LEADS + "/Ext__c/", null, "{}");
    ProcessInstance nativeCreate = writeLead("upsert", "Native", "{\"Ext__c\":\"N-1\"}", "Ext__c");
    assertThat(nativeCreate).isEnded().hasPassed("Written");
    assertThat(nativeCreate)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfLeadId", null);

    ORG.faults().overrideNext(1, "PATCH", LEADS + "/Ext__c/", null, "");
    ProcessInstance nativeUpdate = writeLead("upsert", "Native2", "{\"Ext__c\":\"N-1\"}", "Ext__c");
    assertThat(nativeUpdate).isEnded().hasPassed("Written");
    assertThat(nativeUpdate).variables().containsEntry("sfResult", "updated");
    assertThat(lastNames()).containsExactly("Branch", "Native2");
  }

  @Test
  @Deployment(resources = "bpmn/record-write-and-find.bpmn")
  void theRecordStepConnectorJudgesCreateAndUpsertByStatus() {
    ORG.faults().overrideNext(1, "POST", LEADS, null, "{}");
    ProcessInstance created = writeRecord("create", "Step", null);
    assertThat(created).isEnded().hasPassed("RecordWritten");
    assertThat(created)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfRecordId", null)
        .containsEntry("sfStatus", 201);

    ORG.faults().overrideNext(1, "PATCH", LEADS + "/Ext__c/", null, "");
    ProcessInstance upserted = writeRecord("upsert", "StepUpsert", "S-1");
    assertThat(upserted).isEnded().hasPassed("RecordWritten");
    assertThat(upserted)
        .variables()
        .containsEntry("sfResult", "created")
        .containsEntry("sfRecordId", null);
    assertThat(lastNames()).containsExactly("Step", "StepUpsert");
  }

  @Test
  @Deployment(resources = "bpmn/lead-write-outcomes.bpmn")
  void aLookupAnswerWithoutTotalSizeIsABadResponseAndAnUpsertCreatesNothing() {
    ORG.createRecord(
        "Lead", Map.of("LastName", "Existing", "Company", "Acme", "Email", "x@acme.io"));
    for (String syncMode : List.of("update", "upsert", "delete")) {
      ORG.faults().overrideNext(1, "GET", "/query", null, NO_TOTAL_SIZE);
      ProcessInstance pi = writeLead(syncMode, "Other", "{\"Email\":\"x@acme.io\"}", null);

      assertThat(pi).as(syncMode).isEnded().hasPassed("RejectedEnd");
      assertThat(pi)
          .variables()
          .containsEntry("errorCode", "400")
          .containsEntry("errorMessage", "Response missing expected fields")
          .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Bad Response");
    }
    ORG.faults().overrideNext(1, "GET", "/query", 200, "");
    assertThat(writeLead("upsert", "Other", "{\"Email\":\"x@acme.io\"}", null))
        .isEnded()
        .hasPassed("RejectedEnd");
    assertThat(writes()).as("nothing is written after an unreadable lookup").isEmpty();
    assertThat(lastNames()).containsExactly("Existing");
  }

  @Test
  @Deployment(resources = "bpmn/lead-write-outcomes.bpmn")
  void oneMatchWithoutAnIdIsABadResponse() {
    ORG.faults().overrideNext(1, "GET", "/query", null, ONE_WITHOUT_ID);
    ProcessInstance pi = writeLead("update", "Other", "{\"LastName\":\"Twin\"}", null);

    assertThat(pi).isEnded().hasPassed("RejectedEnd");
    assertThat(pi)
        .variables()
        .containsEntry("errorMessage", "Response missing expected fields")
        .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Bad Response");
    assertThat(writes()).isEmpty();
  }

  @Test
  @Deployment(resources = "bpmn/record-write-and-find.bpmn")
  void findRecordsNeverReportsZeroMatchesForAnAnswerItCannotCount() {
    for (String body : List.of(NO_TOTAL_SIZE, ONE_WITHOUT_ID, "")) {
      ORG.faults().overrideNext(1, "GET", "/query", null, body);
      ProcessInstance pi =
          runtime.startProcessInstanceByKey("FindLeads", Map.of("lastName", "Twin"));

      assertThat(pi).as(body).isEnded().hasPassed("UnreadableEnd").hasNotPassed("Found");
      assertThat(pi)
          .variables()
          .containsEntry("errorCode", "400")
          .containsEntry("errorMessage", "Response missing expected fields")
          .containsEntry(SalesforceErrorCodes.VAR_ERROR_CODE, "Bad Response")
          .doesNotContainKey("leadCount");
    }
    ProcessInstance real =
        runtime.startProcessInstanceByKey("FindLeads", Map.of("lastName", "Twin"));
    assertThat(real).isEnded().hasPassed("Found");
    assertThat(real).variables().containsEntry("leadCount", 0);
  }
}
