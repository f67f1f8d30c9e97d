package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jobs (hence transactions: one more than the jobs, the caller's own) of each path through
 * "Sync one record", as docs/bpmn-patterns.md lists them, and what they guarantee: a create that
 * succeeded is never sent again, neither when what follows it fails nor when its answer is lost.
 */
@Deployment(resources = {SyncRecordProcess.RESOURCE, SyncRecordProcess.RESOLVE_RESOURCE})
class SyncRecordTransactionsTest extends SyncProcessTestSupport {

  private static final String LOOKUP_AND_WRITE = "CheckInput async-before";
  private static final String AFTER_CREATE = "CreateRecord async-after";
  private static final String AFTER_DELETE = "DeleteRecord async-after";
  private static final String EMAIL = "doe@acme.io";
  private static final String FIELDS =
      "{\"LastName\": \"Doe\", \"Company\": \"Acme\", \"Email\": \"" + EMAIL + "\"}";

  SyncRecordTransactionsTest() {
    super(SyncRecordProcess.PROCESS_KEY);
  }

  @ParameterizedTest(name = "{0}={1} with {2} matching ends {3}")
  @CsvSource({
    "syncMode, upsert, 0, created, 1",
    "operation, create, 0, created, 2",
    "syncMode, add, 1, created, 2",
    "syncMode, upsert, 1, updated, 1",
    "operation, update, 1, updated, 1",
    "syncMode, delete, 1, deleted, 2",
    "syncMode, update, 0, " + SyncCaller.NOT_FOUND + ", 1",
    "syncMode, upsert, 2, " + SyncCaller.SEVERAL + ", 1"
  })
  void eachPathRunsItsLookupAndWriteInOneJob(
      String flavour, String value, int matching, String outcome, int jobs) {
    for (int i = 0; i < matching; i++) {
      ORG.createRecord("Lead", Map.of("LastName", "Doe " + i, "Company", "Acme", "Email", EMAIL));
    }

    ProcessInstance caller = start(inputs(flavour, value, null));
    List<String> executed = SyncCaller.runJobsListing(engine);

    boolean lookedUp = !value.equals("create") && !value.equals("add");
    switch (outcome) {
      // a create after a lookup needs no job after it: a retry's lookup finds what it created
      case "created" ->
          assertThat(executed)
              .containsExactlyElementsOf(
                  lookedUp ? List.of(LOOKUP_AND_WRITE) : List.of(LOOKUP_AND_WRITE, AFTER_CREATE));
      case "deleted" -> assertThat(executed).containsExactly(LOOKUP_AND_WRITE, AFTER_DELETE);
      default -> assertThat(executed).containsExactly(LOOKUP_AND_WRITE);
    }
    assertThat(executed).hasSize(jobs);
    if (outcome.equals(SyncCaller.NOT_FOUND) || outcome.equals(SyncCaller.SEVERAL)) {
      assertThat(caller).isEnded().hasPassed(outcome);
    } else {
      assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
      assertThat(SyncCaller.variables(engine, caller)).containsEntry("result", outcome);
    }
  }

  @Test
  void skippingAndRejectingRunOneJobAndSendNothingButTheLookup() {
    ProcessInstance skipped =
        start(inputs("syncMode", "update", SyncRecordProcess.ON_NO_MATCH_SKIP));
    assertThat(SyncCaller.runJobsListing(engine)).containsExactly(LOOKUP_AND_WRITE);
    assertThat(SyncCaller.variables(engine, skipped))
        .containsEntry("result", "skipped")
        .containsEntry("apiCalls", 1);

    Map<String, Object> noMatchers = inputs("syncMode", "upsert", null);
    noMatchers.remove(SyncRecordProcess.RECORD_MATCHERS);
    ProcessInstance rejected = start(noMatchers);

    assertThat(SyncCaller.runJobsListing(engine)).containsExactly(LOOKUP_AND_WRITE);
    assertThat(rejected).isEnded().hasPassed(SyncCaller.REJECTED);
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
  }

  @Test
  void resolvingADuplicateAddsTheJobAfterThePersonsChoice() {
    deployCaller(SyncCaller.model(SyncRecordProcess.RESOLVE_PROCESS_KEY));
    String keep =
        ORG.createRecord("Lead", Map.of("LastName", "A", "Company", "Acme", "Email", EMAIL));
    ORG.createRecord("Lead", Map.of("LastName", "B", "Company", "Acme", "Email", EMAIL));

    ProcessInstance caller = start(inputs("syncMode", "delete", null));
    assertThat(SyncCaller.runJobsListing(engine)).containsExactly(LOOKUP_AND_WRITE);
    engine
        .getTaskService()
        .complete(
            engine.getTaskService().createTaskQuery().singleResult().getId(),
            Map.of(SyncRecordProcess.CHOSEN_RECORD_ID, keep));

    // completing the task only stores the choice; the delete runs in a job of its own
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
    assertThat(SyncCaller.runJobsListing(engine))
        .containsExactly("ResolveDuplicate async-after", AFTER_DELETE);
    assertThat(SyncCaller.variables(engine, caller)).containsEntry("result", "deleted");
    assertThat(ORG.record("Lead", keep)).isEmpty();
  }

  @Test
  void aCreateWhoseAnswerIsLostIsFoundAgainByTheRetryAndNotSentTwice() {
    // Salesforce creates the Lead, but the answer is a 503: the job fails after the create
    ORG.faults().overrideNext(1, "POST", "/sobjects/Lead", 503, "");

    ProcessInstance caller = start(inputs("syncMode", "upsert", null));
    Job job = engine.getManagementService().createJobQuery().singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    assertThat(ORG.records("Lead")).hasSize(1);

    // the retry is the whole job again: the lookup finds the Lead the lost answer created
    engine.getManagementService().executeJob(job.getId());
    SyncCaller.runJobs(engine);

    String created = (String) ORG.records("Lead").get(0).get("Id");
    assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
    assertThat(SyncCaller.variables(engine, caller))
        .containsEntry("result", "updated")
        .containsEntry("recordId", created);
    assertThat(ORG.records("Lead")).hasSize(1);
    assertThat(TestSalesforce.dataCalls())
        .containsExactly(
            "GET /query/", "POST /sobjects/Lead", "GET /query/", "PATCH /sobjects/Lead/" + created);
  }

  @Test
  void aFailureAfterTheCallNeverSendsTheCreateAgain() {
    deployCallerFailingAfterTheCall(SyncRecordProcess.OPERATION, SyncRecordProcess.FIELDS);
    Map<String, Object> vars = inputs("operation", "create", null);
    vars.remove(SyncRecordProcess.RECORD_MATCHERS);
    start(vars);

    Job create = engine.getManagementService().createJobQuery().singleResult();
    assertThat(SyncCaller.describe(engine, create)).isEqualTo(LOOKUP_AND_WRITE);
    engine.getManagementService().executeJob(create.getId());
    Job afterCreate = engine.getManagementService().createJobQuery().singleResult();
    assertThat(SyncCaller.describe(engine, afterCreate)).isEqualTo(AFTER_CREATE);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(afterCreate.getId()))
          .hasMessageContaining("noSuchBean");
    }

    // only the step after the create is retried
    assertThat(engine.getManagementService().createJobQuery().singleResult().getId())
        .isEqualTo(afterCreate.getId());
    assertThat(ORG.records("Lead")).hasSize(1);
    assertThat(TestSalesforce.dataCalls()).containsExactly("POST /sobjects/Lead");
  }

  @Test
  void aFailureAfterAnUpsertsCreateRunsTheWholeJobAgainWhoseLookupFindsTheRecordAndUpdatesIt() {
    deployCallerFailingAfterTheCall(
        "syncMode", SyncRecordProcess.RECORD_MATCHERS, SyncRecordProcess.FIELDS);
    start(inputs("syncMode", "upsert", null));

    Job job = engine.getManagementService().createJobQuery().singleResult();
    assertThat(SyncCaller.describe(engine, job)).isEqualTo(LOOKUP_AND_WRITE);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("noSuchBean");
    }

    // the first attempt created the Lead; the second found it and updated it: one Lead
    assertThat(ORG.records("Lead")).hasSize(1);
    String id = (String) ORG.records("Lead").get(0).get("Id");
    assertThat(TestSalesforce.dataCalls())
        .containsExactly(
            "GET /query/", "POST /sobjects/Lead", "GET /query/", "PATCH /sobjects/Lead/" + id);
  }

  /**
   * A caller that passes the object and these variables in, and whose step after the call fails.
   */
  private void deployCallerFailingAfterTheCall(String... inputs) {
    CallActivityBuilder call =
        Bpmn.createExecutableProcess(SyncCaller.KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("Sync")
            .calledElement(SyncRecordProcess.PROCESS_KEY)
            .camundaIn(SyncRecordProcess.SOBJECT, SyncRecordProcess.SOBJECT);
    for (String input : inputs) {
      call = call.camundaIn(input, input);
    }
    deployCaller(
        call.serviceTask("NextStep").camundaExpression("${noSuchBean.go()}").endEvent().done());
  }

  private ProcessInstance start(Map<String, Object> vars) {
    return engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars);
  }

  private static Map<String, Object> inputs(String flavour, String value, String onNoMatch) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SyncRecordProcess.SOBJECT, "Lead");
    vars.put(flavour, value);
    vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"" + EMAIL + "\"}");
    vars.put(SyncRecordProcess.FIELDS, FIELDS);
    vars.put(SyncRecordProcess.ON_NO_MATCH, onNoMatch);
    return vars;
  }
}
