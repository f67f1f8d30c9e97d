package io.github.sfactions.bpmn.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.bpmn.TestSalesforce;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Applying a committed template the way the Modeler does gives a diagram that deploys and runs
 * against the emulator: its hidden inputs, the user's values, empty optional fields, output
 * mappings, async flags and error definitions all work in the engine.
 */
class TemplateApplyTest {

  static final SalesforceEmulator ORG = TestSalesforce.get();

  @RegisterExtension
  static final ProcessEngineExtension ENGINE =
      ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

  private ProcessEngine engine;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    TestSalesforce.fresh();
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void theUpsertLeadTemplateCreatesThenUpdatesALead() {
    deploy(
        TemplateApplier.apply(
            TemplateApplier.committed("salesforce-lead.json", "Salesforce: Upsert Lead"),
            Map.of(
                "LastName",
                "${lastName}",
                "Company",
                "${company}",
                "Email",
                "${email}",
                "recordMatchers",
                "{\"Email\": \"${email}\"}"),
            List.of("300", "400")));

    ProcessInstance first =
        start(Map.of("lastName", "Doe", "company", "Acme", "email", "doe@acme.io"));
    assertThat(jobs()).as("asyncBefore is on").hasSize(1);
    runJobs();

    assertThat(first).isEnded().hasPassed(TemplateApplier.DONE);
    Map<String, Object> out = variables(first);
    assertThat(out).containsEntry("leadResult", "created").containsEntry("leadMatchCount", 0);
    String id = (String) out.get("leadId");
    assertThat(ORG.record("Lead", id).orElseThrow())
        .containsEntry("LastName", "Doe")
        .containsEntry("Company", "Acme");

    ProcessInstance second =
        start(Map.of("lastName", "Doe-Smith", "company", "Acme", "email", "doe@acme.io"));
    runJobs();
    assertThat(variables(second))
        .containsEntry("leadId", id)
        .containsEntry("leadResult", "updated");
    assertThat(ORG.records("Lead"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("LastName", "Doe-Smith"));
  }

  @Test
  void theErrorDefinitionOfATemplateIsCaughtByABoundaryEvent() {
    ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "Twin"));
    ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "Twin"));
    BpmnModelInstance model =
        TemplateApplier.apply(
            TemplateApplier.committed("salesforce-lead.json", "Salesforce V2: Update Lead"),
            Map.of("FirstName", "Z", "recordMatchers", "{\"Company\": \"Twin\"}"),
            List.of("300", "404", "400"));
    assertThat(Bpmn.convertToString(model))
        .contains(
            "errorCode=\"300\"",
            "camunda:errorMessage=\"Multiple records returned with given traits\"");
    deploy(model);

    ProcessInstance pi = start(Map.of());
    runJobs();

    assertThat(pi).isEnded().hasPassed("Caught300").hasNotPassed(TemplateApplier.DONE);
    assertThat(ORG.records("Lead")).allSatisfy(r -> assertThat(r.get("FirstName")).isNull());
  }

  @Test
  void theFindRecordsTemplateReportsTheMatches() {
    String a = ORG.createRecord("Contact", Map.of("LastName", "A", "Email", "same@acme.io"));
    String b = ORG.createRecord("Contact", Map.of("LastName", "B", "Email", "same@acme.io"));
    deploy(
        TemplateApplier.apply(
            TemplateApplier.committed("salesforce-find-records.json", "Salesforce: Find records"),
            Map.of("sobject", "Contact", "recordMatchers", "{\"Email\": \"${email}\"}"),
            List.of("400")));

    ProcessInstance pi = start(Map.of("email", "same@acme.io"));
    runJobs();

    Map<String, Object> out = variables(pi);
    assertThat(out).containsEntry("matchCount", 2).containsEntry("recordId", null);
    assertThat((String) out.get("recordIds")).contains(a, b);
  }

  @Test
  void theCustomObjectTemplateWritesTheNamedObject() {
    deploy(
        TemplateApplier.apply(
            TemplateApplier.committed(
                "salesforce-custom-object.json", "Salesforce: Create Custom Object"),
            Map.of(
                "sobject",
                "Invoice__c",
                "otherFields",
                "{\"Ext__c\": \"${ext}\", \"Status__c\": \"Open\"}"),
            List.of()));

    ProcessInstance pi = start(Map.of("ext", "INV-7"));
    runJobs();

    String id = (String) variables(pi).get("recordId");
    assertThat(ORG.record("Invoice__c", id).orElseThrow())
        .containsEntry("Ext__c", "INV-7")
        .containsEntry("Status__c", "Open");
  }

  @Test
  void theUpdateRecordByIdTemplateWritesThatRecordAndItsMissingIdIsA404() {
    String id = ORG.createRecord("Account", Map.of("Name", "Acme"));
    ORG.createRecord("Account", Map.of("Name", "Other"));
    deploy(
        TemplateApplier.apply(
            TemplateApplier.committed("salesforce-record.json", "Salesforce: Update record by Id"),
            Map.of(
                "sobject", "Account", "recordId", "${accountId}", "fields", "{\"Phone\": \"555\"}"),
            List.of("404")));

    ProcessInstance updated = start(Map.of("accountId", id));
    runJobs();
    assertThat(updated).hasPassed(TemplateApplier.DONE);
    assertThat(ORG.record("Account", id).orElseThrow()).containsEntry("Phone", "555");

    ProcessInstance missing = start(Map.of("accountId", "001Dn0000009999"));
    runJobs();
    assertThat(missing).isEnded().hasPassed("Caught404");
  }

  private void deploy(BpmnModelInstance model) {
    Bpmn.validateModel(model);
    deployments.add(
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("applied.bpmn", model)
            .deploy()
            .getId());
  }

  private ProcessInstance start(Map<String, Object> vars) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(TemplateApplier.PROCESS_KEY, new HashMap<>(vars));
  }

  private List<Job> jobs() {
    return engine.getManagementService().createJobQuery().executable().list();
  }

  private void runJobs() {
    for (int round = 0; round < 20 && !jobs().isEmpty(); round++) {
      jobs().forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    assertThat(jobs()).as("jobs left").isEmpty();
  }

  private Map<String, Object> variables(ProcessInstance pi) {
    Map<String, Object> values = new HashMap<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
