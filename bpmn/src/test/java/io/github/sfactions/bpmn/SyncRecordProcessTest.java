package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of "Sync one record" ({@code sfactions-sync-record}) called from a call activity: each
 * V1 operation and V2 sync mode with 0, 1 and several matching records, against the emulator over
 * HTTP, async steps driven by hand.
 */
@Deployment(resources = SyncRecordProcess.RESOURCE)
class SyncRecordProcessTest extends SyncProcessTestSupport {

  SyncRecordProcessTest() {
    super(SyncRecordProcess.PROCESS_KEY);
  }

  @ParameterizedTest(name = "{0}={1} with {2} matching")
  @CsvSource({
    "operation, create, 0",
    "operation, create, 1",
    "operation, create, 2",
    "syncMode, add, 0",
    "syncMode, add, 1",
    "syncMode, add, 2"
  })
  void createAndAddCreateWithoutLookingAnythingUpWhateverMatches(
      String flavour, String value, int matching) {
    for (int i = 0; i < matching; i++) {
      ORG.createRecord(
          "Lead", Map.of("LastName", "Twin", "Company", "Acme", "Email", "twin@acme.io"));
    }

    Map<String, Object> out =
        run(
            flavour,
            value,
            "{\"Email\": \"twin@acme.io\"}",
            "{\"LastName\": \"New\", \"Company\": \"Acme\", \"Email\": \"twin@acme.io\"}",
            null,
            SyncCaller.DONE);

    assertThat(out)
        .containsEntry("result", "created")
        .containsEntry("apiCalls", 1)
        .containsEntry("matchCount", null);
    assertThat(ORG.record("Lead", (String) out.get("recordId")).orElseThrow())
        .containsEntry("LastName", "New");
    assertThat(ORG.records("Lead")).hasSize(matching + 1);
    assertThat(TestSalesforce.dataCalls()).containsExactly("POST /sobjects/Lead");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, update", "syncMode, update"})
  void updateWithOneMatchUpdatesThatRecord(String flavour, String value) {
    String id = ORG.createRecord("Contact", Map.of("LastName", "Doe", "Email", "doe@acme.io"));

    Map<String, Object> out =
        run(
            flavour,
            value,
            "{\"Email\": \"doe@acme.io\"}",
            "{\"Title\": \"Customer\"}",
            null,
            SyncCaller.DONE,
            "Contact");

    assertThat(out)
        .containsEntry("result", "updated")
        .containsEntry("recordId", id)
        .containsEntry("matchCount", 1)
        .containsEntry("apiCalls", 2)
        .containsEntry("recordIds", "[\"" + id + "\"]");
    assertThat(ORG.record("Contact", id).orElseThrow()).containsEntry("Title", "Customer");
    assertThat(TestSalesforce.queries())
        .containsExactly("SELECT Id FROM Contact WHERE Email = 'doe@acme.io'");
    assertThat(TestSalesforce.dataCalls())
        .containsExactly("GET /query/", "PATCH /sobjects/Contact/" + id);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, update", "syncMode, update", "operation, delete", "syncMode, delete"})
  void updateAndDeleteWithNoMatchEndWithError404AndChangeNothing(String flavour, String value) {
    ORG.createRecord("Contact", Map.of("LastName", "Other", "Email", "other@acme.io"));

    Map<String, Object> out =
        run(
            flavour,
            value,
            "{\"Email\": \"ghost@acme.io\"}",
            "{\"Title\": \"Customer\"}",
            null,
            SyncCaller.NOT_FOUND,
            "Contact");

    assertThat(out)
        .containsEntry(SyncCaller.ERROR_CODE, "404")
        .containsEntry(SyncCaller.ERROR_MESSAGE, "No record found with given traits");
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
    assertThat(ORG.records("Contact"))
        .hasSize(1)
        .allSatisfy(r -> assertThat(r.get("Title")).isNull());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, update", "syncMode, update", "operation, delete", "syncMode, delete"})
  void updateAndDeleteWithNoMatchAndOnNoMatchSkipEndSkipped(String flavour, String value) {
    Map<String, Object> out =
        run(
            flavour,
            value,
            "{\"Email\": \"ghost@acme.io\"}",
            "{\"Title\": \"Customer\"}",
            SyncRecordProcess.ON_NO_MATCH_SKIP,
            SyncCaller.DONE,
            "Contact");

    assertThat(out)
        .containsEntry("result", "skipped")
        .containsEntry("recordId", null)
        .containsEntry("matchCount", 0)
        .containsEntry("apiCalls", 1)
        .containsEntry("recordIds", "[]");
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, upsert", "syncMode, upsert"})
  void upsertCreatesWhenNothingMatchesAndUpdatesTheSingleMatchNextTime(
      String flavour, String value) {
    String fields = "{\"LastName\": \"Doe\", \"Company\": \"Acme\", \"Email\": \"doe@acme.io\"}";
    Map<String, Object> first =
        run(flavour, value, "{\"Email\": \"doe@acme.io\"}", fields, null, SyncCaller.DONE);
    assertThat(first)
        .containsEntry("result", "created")
        .containsEntry("matchCount", 0)
        .containsEntry("apiCalls", 2);
    String id = (String) first.get("recordId");

    Map<String, Object> second =
        run(
            flavour,
            value,
            "{\"Email\": \"doe@acme.io\"}",
            "{\"LastName\": \"Doe-Smith\", \"Company\": \"Acme\"}",
            SyncRecordProcess.ON_NO_MATCH_SKIP,
            SyncCaller.DONE);

    assertThat(second)
        .containsEntry("result", "updated")
        .containsEntry("recordId", id)
        .containsEntry("matchCount", 1);
    assertThat(ORG.records("Lead"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("LastName", "Doe-Smith"));
    assertThat(TestSalesforce.dataCalls())
        .containsExactly(
            "GET /query/", "POST /sobjects/Lead", "GET /query/", "PATCH /sobjects/Lead/" + id);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, delete", "syncMode, delete"})
  void deleteWithOneMatchDeletesThatRecord(String flavour, String value) {
    String keep =
        ORG.createRecord(
            "Lead", Map.of("LastName", "Keep", "Company", "Acme", "Email", "keep@acme.io"));
    String gone =
        ORG.createRecord(
            "Lead", Map.of("LastName", "Gone", "Company", "Acme", "Email", "gone@acme.io"));

    Map<String, Object> out =
        run(flavour, value, "{\"Email\": \"gone@acme.io\"}", null, null, SyncCaller.DONE);

    assertThat(out)
        .containsEntry("result", "deleted")
        .containsEntry("recordId", gone)
        .containsEntry("apiCalls", 2);
    assertThat(ORG.record("Lead", gone)).isEmpty();
    assertThat(ORG.record("Lead", keep)).isPresent();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "operation, update",
    "syncMode, update",
    "operation, upsert",
    "syncMode, upsert",
    "operation, delete",
    "syncMode, delete"
  })
  void severalMatchesEndWithError300AndChangeNothing(String flavour, String value) {
    ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "Twin"));
    ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "Twin"));

    Map<String, Object> out =
        run(
            flavour,
            value,
            "{\"Company\": \"Twin\"}",
            "{\"LastName\": \"Z\", \"Company\": \"Twin\"}",
            null,
            SyncCaller.SEVERAL);

    assertThat(out)
        .containsEntry(SyncCaller.ERROR_CODE, "300")
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Multiple records returned with given traits");
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
    assertThat(ORG.records("Lead"))
        .extracting(r -> r.get("LastName"))
        .containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void theAndOperatorJoinsTheMatchersInTheirOrder() {
    String id =
        ORG.createRecord(
            "Lead", Map.of("LastName", "Doe", "Company", "Acme", "Email", "doe@acme.io"));
    ORG.createRecord("Lead", Map.of("LastName", "Doe", "Company", "Other", "Email", "doe@acme.io"));
    Map<String, Object> vars =
        inputs(
            "syncMode",
            "update",
            "Lead",
            "{\"Email\": \"doe@acme.io\", \"Company\": \"Acme\"}",
            "{\"FirstName\": \"Jane\"}",
            null);
    vars.put(SyncRecordProcess.RECORD_MATCHERS_OPERATOR, "AND");

    Map<String, Object> out = start(vars, SyncCaller.DONE);

    assertThat(out).containsEntry("recordId", id).containsEntry("result", "updated");
    assertThat(TestSalesforce.queries())
        .containsExactly("SELECT Id FROM Lead WHERE Email = 'doe@acme.io' AND Company = 'Acme'");
  }

  @Test
  void aCustomObjectIsSyncedByItsApiName() {
    Map<String, Object> out =
        run(
            "syncMode",
            "upsert",
            "{\"Ext__c\": \"INV-1\"}",
            "{\"Ext__c\": \"INV-1\", \"Amount__c\": 12.5}",
            null,
            SyncCaller.DONE,
            "Invoice__c");

    assertThat(out).containsEntry("result", "created");
    assertThat(ORG.record("Invoice__c", (String) out.get("recordId")).orElseThrow())
        .containsEntry("Ext__c", "INV-1");
  }

  @Test
  void missingMatchersForAnUpdateAreRejectedWith400BeforeAnyCall() {
    Map<String, Object> out =
        run("operation", "update", null, "{\"Title\": \"x\"}", null, SyncCaller.REJECTED);

    assertThat(out)
        .containsEntry(SyncCaller.ERROR_CODE, "400")
        .containsEntry(
            SyncCaller.ERROR_MESSAGE, "Undefined lookup traits for update or upsert operation");
    assertThat(TestSalesforce.dataCalls()).isEmpty();
    assertThat(run("syncMode", "upsert", "", "{\"LastName\": \"x\"}", null, SyncCaller.REJECTED))
        .containsEntry(
            SyncCaller.ERROR_MESSAGE, "Undefined lookup traits for update or upsert operation");
  }

  @Test
  void emptyMatchersNameTheOperationInTheRejection() {
    Map<String, Object> out = run("syncMode", "delete", "{}", null, null, SyncCaller.REJECTED);

    assertThat(out)
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Undefined Traits when using delete operation");
  }

  @Test
  void anUnknownSyncModeOrMissingOperationIsRejected() {
    assertThat(run("syncMode", "merge", "{\"Email\": \"a@b.io\"}", null, null, SyncCaller.REJECTED))
        .containsEntry(
            SyncCaller.ERROR_MESSAGE,
            "Invalid sync mode - merge (expected add, update, upsert or delete)");
    assertThat(run("syncMode", null, "{\"Email\": \"a@b.io\"}", null, null, SyncCaller.REJECTED))
        .containsEntry(
            SyncCaller.ERROR_MESSAGE,
            "Missing operation or syncMode value (operation: create, update, "
                + "upsert, delete; syncMode: add, update, upsert, delete)");
  }

  @Test
  void anEmptySyncModeIsRejectedByTheSameRuleAsTheConnectors() {
    Map<String, Object> out =
        run("syncMode", "", "{\"Email\": \"a@b.io\"}", null, null, SyncCaller.REJECTED);

    assertThat(out)
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Sync mode is required for this operation.")
        .containsEntry(SyncCaller.ERROR_CODE, "400");
    assertThat(TestSalesforce.dataCalls()).isEmpty();
  }

  @Test
  void anUnknownOnNoMatchValueIsRejected() {
    assertThat(
            run(
                "operation",
                "delete",
                "{\"Email\": \"a@b.io\"}",
                null,
                "ignore",
                SyncCaller.REJECTED))
        .containsEntry(
            SyncCaller.ERROR_MESSAGE, "Invalid onNoMatch - ignore (expected error or skip)");
  }

  @Test
  void anInvalidOperatorIsRejectedByTheLookupStep() {
    Map<String, Object> vars =
        inputs("operation", "update", "Lead", "{\"Email\": \"a@b.io\"}", "{}", null);
    vars.put(SyncRecordProcess.RECORD_MATCHERS_OPERATOR, "XOR");

    assertThat(start(vars, SyncCaller.REJECTED))
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Invalid SOQL operator - XOR");
    assertThat(TestSalesforce.dataCalls()).isEmpty();
  }

  @Test
  void segmentsRequiredFieldsAreCheckedBeforeAnyCallForCreateAndUpsert() {
    assertThat(run("syncMode", "add", null, "{\"Company\": \"Acme\"}", null, SyncCaller.REJECTED))
        .containsEntry(SyncCaller.ERROR_CODE, "400")
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Missing last_name value");
    String deal =
        ORG.createRecord(
            "Opportunity",
            Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
    assertThat(
            run(
                "operation",
                "upsert",
                "{\"Id\": \"" + deal + "\"}",
                "{\"Amount\": 10}",
                null,
                SyncCaller.REJECTED,
                "Opportunity"))
        .containsEntry(SyncCaller.ERROR_MESSAGE, "Missing close_date, name or stage_name value");
    assertThat(TestSalesforce.dataCalls()).isEmpty();
  }

  @Test
  void salesforceValidationOfTheWriteIsA400() {
    Map<String, Object> out =
        run(
            "operation",
            "create",
            null,
            "{\"LastName\": \"No company\"}",
            null,
            SyncCaller.REJECTED);

    assertThat(out).containsEntry(SyncCaller.ERROR_CODE, "400");
    assertThat((String) out.get(SyncCaller.ERROR_MESSAGE)).contains("Company");
    assertThat(ORG.records("Lead")).isEmpty();
  }

  @Test
  void theCallActivityShownInTheDocsSyncsAContact() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("DocsCaller")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("SyncContact")
            .calledElement(SyncRecordProcess.PROCESS_KEY)
            .camundaIn("contactFields", "fields")
            .camundaOut("recordId", "contactId")
            .camundaOut("result", "contactResult")
            .endEvent("Synced")
            .moveToActivity("SyncContact")
            .boundaryEvent("DuplicateContacts")
            .errorEventDefinition()
            .error("300")
            .errorCodeVariable("syncErrorCode")
            .errorMessageVariable("syncErrorMessage")
            .errorEventDefinitionDone()
            .endEvent("Duplicates")
            .done();
    CallActivity call = model.getModelElementById("SyncContact");
    for (String[] in :
        new String[][] {
          {"Contact", "sobject"},
          {"upsert", "syncMode"},
          {"{\"Email\": \"${email}\"}", "recordMatchers"}
        }) {
      CamundaIn camundaIn = model.newInstance(CamundaIn.class);
      camundaIn.setCamundaSourceExpression(in[0]);
      camundaIn.setCamundaTarget(in[1]);
      call.getExtensionElements().addChildElement(camundaIn);
    }
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("docs-caller.bpmn", model)
            .deploy()
            .getId();
    try {
      String id = ORG.createRecord("Contact", Map.of("LastName", "Doe", "Email", "doe@acme.io"));
      ProcessInstance pi =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  "DocsCaller",
                  Map.of(
                      "email",
                      "doe@acme.io",
                      "contactFields",
                      "{\"LastName\": \"Doe\", \"Title\": \"Customer\"}"));
      SyncCaller.runJobs(engine);

      assertThat(pi).isEnded().hasPassed("Synced");
      assertThat(SyncCaller.variables(engine, pi))
          .containsEntry("contactId", id)
          .containsEntry("contactResult", "updated");
      assertThat(ORG.record("Contact", id).orElseThrow()).containsEntry("Title", "Customer");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  private Map<String, Object> run(
      String flavour,
      String value,
      String matchers,
      String fields,
      String onNoMatch,
      String expectedEnd) {
    return run(flavour, value, matchers, fields, onNoMatch, expectedEnd, "Lead");
  }

  private Map<String, Object> run(
      String flavour,
      String value,
      String matchers,
      String fields,
      String onNoMatch,
      String expectedEnd,
      String sobject) {
    return start(inputs(flavour, value, sobject, matchers, fields, onNoMatch), expectedEnd);
  }

  private static Map<String, Object> inputs(
      String flavour,
      String value,
      String sobject,
      String matchers,
      String fields,
      String onNoMatch) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SyncRecordProcess.SOBJECT, sobject);
    vars.put(flavour, value);
    vars.put(SyncRecordProcess.RECORD_MATCHERS, matchers);
    vars.put(SyncRecordProcess.FIELDS, fields);
    vars.put(SyncRecordProcess.ON_NO_MATCH, onNoMatch);
    return vars;
  }

  private Map<String, Object> start(Map<String, Object> vars, String expectedEnd) {
    ProcessInstance caller =
        engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars);
    SyncCaller.runJobs(engine);
    assertThat(caller).isEnded().hasPassed(expectedEnd);
    return SyncCaller.variables(engine, caller);
  }
}
