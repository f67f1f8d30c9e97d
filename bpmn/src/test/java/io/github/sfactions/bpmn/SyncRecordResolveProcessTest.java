package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The variant {@code sfactions-sync-record-resolve}: several matches wait at the user task "Resolve
 * duplicate", which lists the candidate Ids; the chosen Id is updated or deleted, or the record is
 * skipped. Paths with 0 and 1 match behave as in the plain process.
 */
@Deployment(resources = SyncRecordProcess.RESOLVE_RESOURCE)
class SyncRecordResolveProcessTest extends SyncProcessTestSupport {

  private String twinA;
  private String twinB;

  SyncRecordResolveProcessTest() {
    super(SyncRecordProcess.RESOLVE_PROCESS_KEY);
  }

  @BeforeEach
  void createTwins() {
    twinA =
        ORG.createRecord(
            "Lead", Map.of("LastName", "A", "Company", "Twin", "Email", "twin@acme.io"));
    twinB =
        ORG.createRecord(
            "Lead", Map.of("LastName", "B", "Company", "Twin", "Email", "twin@acme.io"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, update", "syncMode, update", "operation, upsert", "syncMode, upsert"})
  void severalMatchesWaitForAPersonAndTheChosenRecordIsUpdated(String flavour, String value) {
    ProcessInstance caller = start(flavour, value);

    Task task = resolveTask();
    assertThat(task.getName()).isEqualTo("Resolve duplicate");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup(SyncRecordProcess.DEFAULT_RESOLVER_GROUP)
                .count())
        .isEqualTo(1);
    assertThat(candidateIdsShownInTheForm(task)).contains(twinA, twinB);
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");

    engine
        .getTaskService()
        .complete(task.getId(), Map.of(SyncRecordProcess.CHOSEN_RECORD_ID, twinB));
    SyncCaller.runJobs(engine);

    assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
    assertThat(SyncCaller.variables(engine, caller))
        .containsEntry("result", "updated")
        .containsEntry("recordId", twinB)
        .containsEntry("matchCount", 2)
        .containsEntry("apiCalls", 2);
    assertThat(ORG.record("Lead", twinB).orElseThrow()).containsEntry("FirstName", "Jane");
    assertThat(ORG.record("Lead", twinA).orElseThrow().get("FirstName")).isNull();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"operation, delete", "syncMode, delete"})
  void aChosenRecordIsDeletedByADelete(String flavour, String value) {
    ProcessInstance caller = start(flavour, value);

    engine
        .getTaskService()
        .complete(resolveTask().getId(), Map.of(SyncRecordProcess.CHOSEN_RECORD_ID, twinA));
    SyncCaller.runJobs(engine);

    assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
    assertThat(SyncCaller.variables(engine, caller))
        .containsEntry("result", "deleted")
        .containsEntry("recordId", twinA);
    assertThat(ORG.record("Lead", twinA)).isEmpty();
    assertThat(ORG.record("Lead", twinB)).isPresent();
  }

  @Test
  void skippingTheDuplicateChangesNothing() {
    ProcessInstance caller = start("syncMode", "update");

    engine
        .getTaskService()
        .complete(resolveTask().getId(), Map.of(SyncRecordProcess.SKIP_RECORD, true));
    SyncCaller.runJobs(engine);

    assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
    assertThat(SyncCaller.variables(engine, caller))
        .containsEntry("result", "skipped")
        .containsEntry("recordId", null)
        .containsEntry("apiCalls", 1);
    assertThat(TestSalesforce.dataCalls()).containsExactly("GET /query/");
  }

  @Test
  void anIdThatIsNotAMatchIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance caller = start("syncMode", "update");
    Task task = resolveTask();
    String stranger = ORG.createRecord("Lead", Map.of("LastName", "C", "Company", "Other"));

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(task.getId(), Map.of(SyncRecordProcess.CHOSEN_RECORD_ID, stranger)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(stranger + " is not one of the matching records");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Choose one of the matching records");

    assertThat(resolveTask().getId()).isEqualTo(task.getId());
    assertThat(caller).isActive();
    assertThat(ORG.record("Lead", stranger).orElseThrow().get("FirstName")).isNull();
  }

  @Test
  void aSingleMatchIsUpdatedWithoutAskingAnyone() {
    String single =
        ORG.createRecord(
            "Lead", Map.of("LastName", "S", "Company", "Solo", "Email", "solo@acme.io"));
    Map<String, Object> vars = inputs("syncMode", "update");
    vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"solo@acme.io\"}");

    ProcessInstance caller =
        engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars);
    SyncCaller.runJobs(engine);

    assertThat(caller).isEnded().hasPassed(SyncCaller.DONE);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(SyncCaller.variables(engine, caller))
        .containsEntry("recordId", single)
        .containsEntry("result", "updated");
  }

  @Test
  void noMatchIsStillA404() {
    Map<String, Object> vars = inputs("operation", "delete");
    vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"ghost@acme.io\"}");

    ProcessInstance caller =
        engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars);
    SyncCaller.runJobs(engine);

    assertThat(caller).isEnded().hasPassed(SyncCaller.NOT_FOUND);
  }

  @Test
  void theResolverGroupCanBeChosenByTheCaller() {
    Map<String, Object> vars = inputs("syncMode", "update");
    deployCaller(
        SyncCaller.model(SyncRecordProcess.RESOLVE_PROCESS_KEY, SyncRecordProcess.RESOLVER_GROUP));
    vars.put(SyncRecordProcess.RESOLVER_GROUP, "crm-team");

    engine.getRuntimeService().startProcessInstanceByKey(SyncCaller.KEY, vars);
    SyncCaller.runJobs(engine);

    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("crm-team").count())
        .isEqualTo(1);
  }

  private ProcessInstance start(String flavour, String value) {
    ProcessInstance caller =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(SyncCaller.KEY, inputs(flavour, value));
    SyncCaller.runJobs(engine);
    return caller;
  }

  private static Map<String, Object> inputs(String flavour, String value) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SyncRecordProcess.SOBJECT, "Lead");
    vars.put(flavour, value);
    vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"twin@acme.io\"}");
    // LastName: upsert checks Segment's required fields even when the record exists
    vars.put(SyncRecordProcess.FIELDS, "{\"LastName\": \"B\", \"FirstName\": \"Jane\"}");
    return vars;
  }

  private Task resolveTask() {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskDefinitionKey(SyncRecordProcess.RESOLVE_DUPLICATE)
            .list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private String candidateIdsShownInTheForm(Task task) {
    List<FormField> fields = engine.getFormService().getTaskFormData(task.getId()).getFormFields();
    assertThat(fields)
        .extracting(FormField::getId)
        .containsExactly(
            SyncRecordProcess.RECORD_IDS,
            SyncRecordProcess.CHOSEN_RECORD_ID,
            SyncRecordProcess.SKIP_RECORD);
    return (String) fields.get(0).getValue().getValue();
  }
}
