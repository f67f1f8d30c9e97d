package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.bpmn.bulk.impl.BulkIngestRuntime;
import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.BulkQueueEntry;
import io.github.sfactions.camunda.BulkQueues;
import io.github.sfactions.emulator.FaultType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Micro-batch delivery end to end: action connectors queue records with {@code
 * delivery=microBatch}, the collector sends a group in a handful of calls, and each instance gets
 * the outcome its own REST call would have had. The parity test runs one mixed sequence of events
 * through REST one by one and through micro-batch and compares every outcome and the org.
 *
 * <p>The trigger's real-time flushes are stopped: the tests send groups through the sweep, after
 * moving the engine clock past {@code maxDelay}, so the groups are exactly the queued records.
 */
@Deployment(
    resources = {
      "io/github/sfactions/bpmn/bulk/micro-batch.bpmn",
      "io/github/sfactions/bpmn/bulk/micro-batch-await.bpmn",
      "io/github/sfactions/bpmn/bulk/micro-batch-deliver.bpmn",
      "io/github/sfactions/bpmn/bulk/micro-batch-caller.bpmn"
    })
abstract class MicroBatchProcessCases extends BulkProcessTestSupport {

  static final String REST = "rest";
  static final String MICRO = "microBatch";

  /** The tests on this engine (its database). */
  MicroBatchProcessCases(ProcessEngine engine) {
    super(engine);
  }

  /** A test plugin: bulk settings of the other tests, micro-batch groups due after a minute. */
  static BulkIngestPlugin plugin() {
    BulkIngestPlugin plugin = BulkEngines.plugin(5000);
    plugin.setMicroBatchMaxDelay("PT1M");
    return plugin;
  }

  private Set<String> earlierCollectors;

  @BeforeEach
  void sendGroupsOnlyWhenTheTestSays() {
    BulkIngestRuntime.ofEngine(engine.getName()).orElseThrow().microBatch().trigger().stop();
    QueueTable.clear(engine);
    earlierCollectors = new HashSet<>();
    engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(MicroBatchVariables.PROCESS_KEY)
        .list()
        .forEach(h -> earlierCollectors.add(h.getId()));
  }

  /** One Lead action. */
  record Event(String operation, String matchEmail, String email, String lastName, String company) {

    static Event upsert(String email, String lastName) {
      return new Event("upsert", email, email, lastName, "Acme");
    }
  }

  @Test
  void fiftyNewRecordsTravelInOneLookupAndOneCreateCallAndEachInstanceGetsItsOwnRecord() {
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      instances.add(start(MICRO, Event.upsert("p" + i + "@example.com", "Person " + i), "none"));
    }
    assertThat(QueueTable.size(engine)).isEqualTo(50);
    assertThat(sf.records("Lead")).isEmpty();

    sendDueGroups();

    assertThat(sf.records("Lead")).hasSize(50);
    for (int i = 0; i < 50; i++) {
      Map<String, Object> vars = outcome(instances.get(i));
      assertThat(vars)
          .containsEntry("result", "created")
          .containsEntry("matchCount", 0)
          .containsEntry("statusCode", 201);
      String id = (String) vars.get("recordId");
      assertThat(sf.record("Lead", id).orElseThrow()).containsEntry("LastName", "Person " + i);
    }
    assertThat(collectorApiCalls()).isEqualTo(2);
    assertThat(QueueTable.size(engine)).isZero();
    assertThat(driver.failures()).isEmpty();
  }

  @Test
  void theSameSequenceOfEventsEndsTheSameOverRestOneByOneAndMicroBatched() {
    List<Event> events = parityEvents();
    Run rest = run(REST, events);
    Run micro = run(MICRO, events);

    assertThat(micro.outcomes()).containsExactlyElementsOf(rest.outcomes());
    assertThat(micro.org()).containsExactlyElementsOf(rest.org());
    assertThat(rest.outcomes()).extracting(o -> o.get("failedWith")).contains("300", "400", "404");
  }

  @Test
  void aRecordSalesforceRejectsFailsAloneWithItsBpmnError() {
    ProcessInstance ok = start(MICRO, Event.upsert("ok@example.com", "Fine"), "none");
    ProcessInstance bad =
        start(
            MICRO,
            new Event("upsert", "bad@example.com", "bad@example.com", "Bad", "C".repeat(300)),
            "none");
    ProcessInstance other = start(MICRO, Event.upsert("other@example.com", "Fine too"), "none");

    sendDueGroups();

    assertThat(outcome(ok)).containsEntry("result", "created");
    assertThat(outcome(other)).containsEntry("result", "created");
    assertThat(outcome(bad)).containsEntry("failedWith", "400");
    assertThat((String) outcome(bad).get("failureMessage")).isNotBlank();
    assertThat(sf.records("Lead")).hasSize(2);
  }

  @Test
  void aRecordTooLargeForAQueueRowIsRefusedWithA400BeforeAnythingIsQueued() {
    // process variables cannot hold a million characters; JSON or byte-array variables can
    ActionRequest huge =
        ActionRequest.builder(ActionType.LEAD)
            .operation("create")
            .field("LastName", "x".repeat(1_000_001))
            .field("Company", "Acme")
            .build();
    BulkQueueEntry entry =
        new BulkQueueEntry(
            BulkTestOrg.CONNECTION, Delivery.MICRO_BATCH, null, huge, null, null, null, null);

    assertThatThrownBy(() -> BulkQueues.current().orElseThrow().enqueue(entry))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("more than a queue row holds");
    assertThat(QueueTable.size(engine)).isZero();
  }

  @Test
  void aManyMatchInsideAGroupIsThe300WithTheMatchedIdsInTheCallingInstance() {
    String first = seed("Twin", "twin@example.com");
    String second = seed("Twin", "twin@example.com");
    ProcessInstance twin = start(MICRO, Event.upsert("twin@example.com", "Which"), "none");
    ProcessInstance fine = start(MICRO, Event.upsert("single@example.com", "Single"), "none");

    sendDueGroups();

    Map<String, Object> vars = outcome(twin);
    assertThat(vars).containsEntry("failedWith", "300").containsEntry("matchCount", 2);
    assertThat((String) vars.get("recordIds")).contains(first).contains(second);
    assertThat(outcome(fine)).containsEntry("result", "created");
  }

  @Test
  void eventsForOneNewRecordInOneGroupCreateItOnceAndUpdateItInOrder() {
    ProcessInstance a = start(MICRO, Event.upsert("same@example.com", "First"), "none");
    ProcessInstance b = start(MICRO, Event.upsert("same@example.com", "Second"), "none");
    ProcessInstance c = start(MICRO, Event.upsert("SAME@example.com", "Third"), "none");

    sendDueGroups();

    assertThat(sf.records("Lead"))
        .singleElement()
        .satisfies(lead -> assertThat(lead).containsEntry("LastName", "Third"));
    assertThat(outcome(a)).containsEntry("result", "created").containsEntry("statusCode", 201);
    assertThat(outcome(b)).containsEntry("result", "updated").containsEntry("matchCount", 1);
    assertThat(outcome(c)).containsEntry("result", "updated").containsEntry("matchCount", 1);
    assertThat(outcome(b).get("recordId")).isEqualTo(outcome(a).get("recordId"));
  }

  @Test
  void aGroupIsSentInTheOrderItsEventsArrivedNotTheOrderTheirJobsQueuedThem() {
    // the later event's job happened to queue its record first
    ProcessInstance later =
        start(MICRO, Event.upsert("order@example.com", "Arrived second"), "none", 2_000L);
    ProcessInstance earlier =
        start(MICRO, Event.upsert("order@example.com", "Arrived first"), "none", 1_000L);

    sendDueGroups();

    assertThat(sf.records("Lead"))
        .singleElement()
        .satisfies(lead -> assertThat(lead).containsEntry("LastName", "Arrived second"));
    assertThat(outcome(earlier)).containsEntry("result", "created");
    assertThat(outcome(later)).containsEntry("result", "updated");
  }

  @Test
  void aQueuedRowChangedByHandFailsAloneAsAnIncidentAndTheGroupGoesOn() {
    ProcessInstance broken = start(MICRO, Event.upsert("broken@example.com", "Broken"), "none");
    ProcessInstance fine = start(MICRO, Event.upsert("fine@example.com", "Fine"), "none");
    QueueTable.update(
        engine,
        "UPDATE SFA_BULK_ENTRY SET ROW_ = '{not json' WHERE PROC_INST_ID_ = '"
            + broken.getId()
            + "'");

    sendDueGroups();

    assertThat(outcome(fine)).containsEntry("result", "created");
    assertThat(sf.records("Lead")).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().list())
        .anySatisfy(
            i -> {
              assertThat(i.getActivityId()).isEqualTo("RaiseError");
              assertThat(i.getIncidentMessage()).contains("cannot be read back");
            });
  }

  @Test
  void salesforceDownBeforeAnyWriteRollsTheFlushBackAndItsRetrySendsEverythingOnce() {
    sf.faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "GET", "/query", null);
    ProcessInstance a = start(MICRO, Event.upsert("down1@example.com", "One"), "none");
    ProcessInstance b = start(MICRO, Event.upsert("down2@example.com", "Two"), "none");

    sendDueGroups();
    assertThat(driver.failures()).isNotEmpty();
    JobDriver.advance(Duration.ofMinutes(1));
    driver.runDueJobs();

    assertThat(outcome(a)).containsEntry("result", "created");
    assertThat(outcome(b)).containsEntry("result", "created");
    assertThat(sf.records("Lead")).hasSize(2);
    assertThat(QueueTable.size(engine)).isZero();
  }

  @Test
  void aLastingOutageIsOneFailingFlushPerGroupNotOnePerFlushAndItsRetrySendsEverything() {
    sf.faults().failNext(FaultType.SERVER_UNAVAILABLE, 100, "GET", "/query", null);
    ProcessInstance first = start(MICRO, Event.upsert("out1@example.com", "One"), "none");
    sendDueGroups();
    // more records for the same group while the first flush is in its retries
    ProcessInstance second = start(MICRO, Event.upsert("out2@example.com", "Two"), "none");
    sendDueGroups();
    sendDueGroups();

    assertThat(engine.getManagementService().createJobQuery().withException().list())
        .singleElement()
        .satisfies(job -> assertThat(job.getExceptionMessage()).contains("503"));
    assertThat(sf.records("Lead")).isEmpty();

    sf.faults().clear();
    for (int round = 0; round < 5 && QueueTable.size(engine) > 0; round++) {
      JobDriver.advance(Duration.ofMinutes(1));
      driver.runDueJobs();
    }

    assertThat(outcome(first)).containsEntry("result", "created");
    assertThat(outcome(second)).containsEntry("result", "created");
    assertThat(sf.records("Lead")).hasSize(2);
  }

  @Test
  void salesforceDownAfterPartOfAGroupWasWrittenKeepsWhatWasWrittenAndSendsTheRestOnce() {
    String existing = seed("Old", "old@example.com");
    // the group's creates go through, its update call fails: nothing may be created twice
    sf.faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "PATCH", "/composite/sobjects", null);
    ProcessInstance created = start(MICRO, Event.upsert("fresh@example.com", "Fresh"), "none");
    ProcessInstance updated = start(MICRO, Event.upsert("old@example.com", "Renewed"), "none");

    sendDueGroups();
    JobDriver.advance(Duration.ofMinutes(1));
    driver.runDueJobs();

    assertThat(outcome(created)).containsEntry("result", "created");
    assertThat(outcome(updated))
        .containsEntry("result", "updated")
        .containsEntry("recordId", existing);
    assertThat(sf.records("Lead")).hasSize(2);
    assertThat(sf.record("Lead", existing).orElseThrow()).containsEntry("LastName", "Renewed");
    assertThat(QueueTable.size(engine)).isZero();
  }

  @Test
  void anOutcomeNothingCatchesIsAnIncidentOnTheWaitingInstance() {
    ProcessInstance uncaught =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "MicroCallerUncaught",
                Map.of(
                    "matchEmail", "nobody@example.com",
                    "lastName", "Nobody",
                    "connection", BulkTestOrg.CONNECTION));
    driver.runDueJobs();

    sendDueGroups();

    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list();
    // the incident is on the waiting instance's step; the engine shows it on the caller too
    assertThat(incidents)
        .filteredOn(i -> "RaiseError".equals(i.getActivityId()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getIncidentMessage())
                  .contains("no error boundary event")
                  .contains("BPMN error 404");
            });
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(uncaught.getId())
                .count())
        .isEqualTo(1);
  }

  @Test
  void anInstanceFailingAfterItsOutcomeFailsAloneAndTheOthersEnd() {
    // the first delivery runs the instances in one transaction; the failing one rolls it back, and
    // the retry hands each outcome over on its own
    ProcessInstance first = start(MICRO, Event.upsert("f1@example.com", "First"), "none");
    ProcessInstance failing = start(MICRO, Event.upsert("f2@example.com", "Broken"), "failAfter");
    ProcessInstance last = start(MICRO, Event.upsert("f3@example.com", "Last"), "none");

    sendDueGroups();
    for (int round = 0; round < 10; round++) {
      JobDriver.advance(Duration.ofMinutes(1));
      driver.runDueJobs();
    }

    assertThat(outcome(first)).containsEntry("result", "created");
    assertThat(outcome(last)).containsEntry("result", "created");
    assertThat(sf.records("Lead")).hasSize(3);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(failing.getId())
                .count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().list())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getActivityId()).isEqualTo("DeliverLate");
              assertThat(i.getIncidentMessage())
                  .contains("process instance " + failing.getId())
                  .contains("noSuchBean");
            });
    // its outcome stays stored until the instance can take it
    assertThat(QueueTable.size(engine)).isEqualTo(1);
  }

  // ---- the parity run

  private static List<Event> parityEvents() {
    return List.of(
        Event.upsert("ada@example.com", "Lovelace"),
        Event.upsert("ada@example.com", "Lovelace II"),
        new Event("create", "grace@example.com", "grace@example.com", "Hopper", "Navy"),
        Event.upsert("ADA@example.com", "Lovelace III"),
        new Event("update", "missing@example.com", "missing@example.com", "Nobody", "None"),
        Event.upsert("dup@example.com", "Which one"),
        new Event("update", "old@example.com", "new@example.com", "Renamed", "Acme"),
        Event.upsert("new@example.com", "Renamed again"),
        new Event("delete", "ada@example.com", null, null, null),
        Event.upsert("ada@example.com", "Reborn"),
        new Event("upsert", "long@example.com", "long@example.com", "Long", "C".repeat(300)),
        new Event("delete", "dup@example.com", null, null, null),
        Event.upsert("linus@example.com", "Torvalds"),
        Event.upsert("linus@example.com", "Torvalds II"),
        Event.upsert("Linus@Example.com", "Torvalds III"),
        new Event("update", "grace@example.com", "grace@example.com", "Hopper", "US Navy"),
        new Event("delete", "nobody@example.com", null, null, null));
  }

  /** Per event: its outcome with Ids replaced by the event that first named them; the org. */
  record Run(List<Map<String, Object>> outcomes, List<String> org) {}

  private Run run(String delivery, List<Event> events) {
    sf = BulkTestOrg.fresh();
    Map<String, String> names = new HashMap<>();
    names.put(seed("Twin A", "dup@example.com"), "seed:dup-a");
    names.put(seed("Twin B", "dup@example.com"), "seed:dup-b");
    names.put(seed("Old", "old@example.com"), "seed:old");
    List<ProcessInstance> instances = new ArrayList<>();
    for (Event e : events) {
      instances.add(start(delivery, e, "none"));
    }
    sendDueGroups();
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      Map<String, Object> vars = outcome(instances.get(i));
      Map<String, Object> o = new LinkedHashMap<>();
      // a BPMN error ends the task without its outputs: over REST result and statusCode stay unset,
      // while the await's output mapping (applied when its error propagates) says "failed" and the
      // status; the error itself is what both must agree on
      List<String> compared =
          vars.get("failedWith") == null
              ? List.of("result", "matchCount", "statusCode")
              : List.of("failedWith", "failureMessage", "matchCount");
      for (String name : compared) {
        o.put(name, vars.get(name));
      }
      Object id = vars.get("recordId");
      if (id != null) {
        o.put(
            "recordId", names.computeIfAbsent((String) id, k -> "first named by " + names.size()));
      }
      outcomes.add(o);
    }
    List<String> org =
        sf.records("Lead").stream()
            .map(
                r ->
                    names.getOrDefault((String) r.get("Id"), "?")
                        + "|"
                        + r.get("LastName")
                        + "|"
                        + r.get("Email")
                        + "|"
                        + r.get("Company"))
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(driver.failures()).isEmpty();
    return new Run(outcomes, org);
  }

  // ---- helpers

  private String seed(String lastName, String email) {
    return sf.createRecord("Lead", Map.of("LastName", lastName, "Company", "Seed", "Email", email));
  }

  /** Starts a caller and runs its task (REST: the write; micro-batch: queuing). */
  private ProcessInstance start(String delivery, Event e, String variant) {
    return start(delivery, e, variant, null);
  }

  /** Starts a caller as the intake would, with this arrival number, and runs its task. */
  private ProcessInstance start(String delivery, Event e, String variant, Long arrival) {
    Map<String, Object> vars = new HashMap<>();
    if (arrival != null) {
      vars.put(ArrivalOrder.VARIABLE, arrival);
    }
    vars.put("operation", e.operation());
    vars.put("matchEmail", e.matchEmail());
    vars.put("email", e.email());
    vars.put("lastName", e.lastName());
    vars.put("company", e.company());
    vars.put("delivery", delivery);
    vars.put("variant", variant);
    vars.put("connection", BulkTestOrg.CONNECTION);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("MicroCaller", vars);
    driver.runDueJobs();
    return pi;
  }

  /** Moves the clock past {@code maxDelay} and runs the sweep and every flush it starts. */
  private void sendDueGroups() {
    JobDriver.advance(Duration.ofMinutes(2));
    engine
        .getRuntimeService()
        .createMessageCorrelation(MicroBatchVariables.FLUSH_MESSAGE)
        .correlateStartMessage();
    driver.runDueJobs();
  }

  /** The caller's variables at its end (or now, if it has not ended). */
  private Map<String, Object> outcome(ProcessInstance pi) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .list()) {
      vars.put(v.getName(), v.getValue());
    }
    return vars;
  }

  /** Salesforce calls of the collector instances of this test. */
  private int collectorApiCalls() {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .variableName(MicroBatchVariables.API_CALLS)
        .list()
        .stream()
        .filter(v -> !earlierCollectors.contains(v.getProcessInstanceId()))
        .map(HistoricVariableInstance::getValue)
        .filter(Objects::nonNull)
        .mapToInt(v -> ((Number) v).intValue())
        .sum();
  }
}
