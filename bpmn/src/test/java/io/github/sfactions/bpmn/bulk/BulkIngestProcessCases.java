package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The bulk ingest process on a real engine against the emulator over HTTP: every path of a batch.
 */
@Deployment(
    resources = {
      BulkIngestProcessCases.INGEST,
      BulkIngestProcessCases.AWAIT,
      BulkIngestProcessCases.CALLER,
      "io/github/sfactions/bpmn/bulk/bulk-rollback-caller.bpmn"
    })
abstract class BulkIngestProcessCases extends BulkProcessTestSupport {

  static final String INGEST = "io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn";
  static final String AWAIT = "io/github/sfactions/bpmn/bulk/bulk-await.bpmn";
  static final String CALLER = "io/github/sfactions/bpmn/bulk/bulk-lead-caller.bpmn";
  private static final Duration POLL = Duration.ofSeconds(10);

  /** The tests on this engine (its database). */
  BulkIngestProcessCases(ProcessEngine engine) {
    super(engine);
  }

  @Test
  void aTimerStartedRunWritesEveryRecordAndEachInstanceContinuesWithItsRecordId() {
    List<ProcessInstance> callers = List.of(insert("Ada"), insert("Grace"), insert("Edsger"));
    driver.runDueJobs();
    callers.forEach(pi -> assertThat(pi).isWaitingAt("AwaitOutcome"));
    assertThat(sf.stats().totalApiCalls()).isZero();

    JobDriver.advance(Duration.ofSeconds(31));
    driver.drainBulk(sf, POLL);

    for (ProcessInstance pi : callers) {
      assertThat(pi).isEnded().hasPassed("Written");
      String recordId = (String) variable(pi, "recordId");
      assertThat(recordId).startsWith("00Q");
      assertThat(variable(pi, "bulkResult")).isEqualTo("created");
      assertThat(sf.record("Lead", recordId)).isPresent();
    }
    HistoricProcessInstance run = onlyBulkRunThatClaimed();
    assertThat(variable(run.getId(), "jobState")).isEqualTo("JobComplete");
    assertThat(variable(run.getId(), "numberRecordsProcessed")).isEqualTo(3L);
    assertThat(variable(run.getId(), "numberRecordsFailed")).isEqualTo(0L);
    assertThat(variable(run.getId(), "reportedCount")).isEqualTo(3);
    // the run's steps counted their own calls: all the calls Salesforce saw (the callers make none)
    assertThat(variable(run.getId(), BulkIngestVariables.API_CALLS))
        .isEqualTo((int) sf.stats().totalApiCalls());
    assertThat(sf.stats().totalApiCalls()).isPositive();
    assertThat(queueSize()).isZero();
  }

  @Test
  void recordsSalesforceRejectsGetBpmnError400WithSfErrorWhileTheOthersContinue() {
    ProcessInstance good = insert("Good");
    ProcessInstance bad = start("noCompany", Map.of("lastName", "NoCompany"));
    driver.runDueJobs();
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(good).isEnded().hasPassed("Written");
    assertThat((String) variable(good, "recordId")).startsWith("00Q");
    assertThat(bad).isEnded().hasPassed("Rejected").hasNotPassed("Written");
    assertThat(variable(bad, "sfErrorCode")).isEqualTo("400");
    assertThat((String) variable(bad, "sfErrorMessage"))
        .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Company]:Company --");
    HistoricProcessInstance run = onlyBulkRunThatClaimed();
    assertThat(variable(run.getId(), "successfulCount")).isEqualTo(1);
    assertThat(variable(run.getId(), "failedCount")).isEqualTo(1);
  }

  @Test
  void anUnknownColumnFailsTheJobAndEveryRecordGetsTheJobsErrorMessage() {
    List<ProcessInstance> callers =
        List.of(
            start("unknownField", Map.of("lastName", "A", "company", "Acme")),
            start("unknownField", Map.of("lastName", "B", "company", "Acme")));
    driver.runDueJobs();
    driver.flush();
    driver.drainBulk(sf, POLL);

    for (ProcessInstance pi : callers) {
      assertThat(pi).isEnded().hasPassed("Rejected");
      assertThat(variable(pi, "sfErrorCode")).isEqualTo("400");
      assertThat((String) variable(pi, "sfErrorMessage"))
          .contains("ended Failed")
          .contains("InvalidBatch")
          .contains("Foo__c");
    }
    HistoricProcessInstance run = onlyBulkRunThatClaimed();
    assertThat(variable(run.getId(), "jobState")).isEqualTo("Failed");
    assertThat(sf.records("Lead")).isEmpty();
    assertThat(queueSize()).isZero();
  }

  @Test
  void aFailedUploadAbortsItsJobAndTheBatchIsSentAgainInANewJob() {
    sf.faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "PUT", "/batches", null);
    ProcessInstance pi = insert("Retried");
    driver.runDueJobs();
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(pi).isEnded().hasPassed("Written");
    assertThat(BulkTestOrg.jobs(sf))
        .extracting(j -> j.path("state").asText())
        .containsExactlyInAnyOrder("Aborted", "JobComplete");
    HistoricProcessInstance run = onlyBulkRunThatClaimed();
    assertThat(variable(run.getId(), "uploadAttempts")).isEqualTo(2);
  }

  @Test
  void uploadsFailingOnEveryAttemptAbortEachJobAndFailTheRecords() {
    sf.faults().failNext(FaultType.SERVER_UNAVAILABLE, 3, "PUT", "/batches", null);
    ProcessInstance pi = insert("NeverUploaded");
    driver.runDueJobs();
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(pi).isEnded().hasPassed("Rejected");
    assertThat((String) variable(pi, "sfErrorMessage"))
        .contains("failed (attempt 3 of 3)")
        .contains("503")
        .contains("the job was aborted");
    assertThat(BulkTestOrg.jobs(sf))
        .extracting(j -> j.path("state").asText())
        .containsExactly("Aborted", "Aborted", "Aborted");
    assertThat(sf.records("Lead")).isEmpty();
  }

  @Test
  void aJobThatDoesNotFinishWithinMaxWaitIsAbortedAndItsRecordsFail() {
    SalesforceEmulator slow = BulkTestOrg.slow();
    ProcessInstance pi =
        start(
            "insert",
            Map.of(
                "lastName", "Slow", "company", "Acme", "connection", BulkTestOrg.SLOW_CONNECTION));
    driver.runDueJobs();
    driver.flush();
    for (int i = 0; i < 20 && driver.activeBulkRuns() > 0; i++) {
      driver.runDueJobs();
      JobDriver.advance(Duration.ofMinutes(1));
    }
    driver.runDueJobs();

    assertThat(driver.activeBulkRuns()).isZero();
    assertThat(pi).isEnded().hasPassed("Rejected");
    assertThat((String) variable(pi, "sfErrorMessage"))
        .contains("did not finish within PT5M")
        .contains("it was aborted");
    String jobId = (String) variable(pi, "bulkJobId");
    assertThat(BulkTestOrg.jobs(slow))
        .filteredOn(j -> j.path("id").asText().equals(jobId))
        .extracting(j -> j.path("state").asText())
        .containsExactly("Aborted");
  }

  @Test
  void theFirstPollOfAClosedJobWaitsTheFirstPollIntervalAndLaterPollsThePollInterval() {
    BulkTestOrg.slow();
    ClockUtil.setCurrentTime(new Date());
    start(
        "insert",
        Map.of("lastName", "Slow", "company", "Acme", "connection", BulkTestOrg.SLOW_CONNECTION));
    driver.runDueJobs();
    driver.flush();
    driver.runDueJobs(); // claim, build, create, upload, close: the run waits for its first poll

    assertThat(pollWait()).isEqualTo(Duration.ofSeconds(1)); // firstPollInterval's default

    JobDriver.advance(Duration.ofSeconds(1));
    driver.runDueJobs(); // the job is still InProgress

    assertThat(pollWait()).isEqualTo(POLL); // pollInterval
    for (int i = 0; i < 20 && driver.activeBulkRuns() > 0; i++) {
      JobDriver.advance(Duration.ofMinutes(1)); // past maxWait: the job is aborted
      driver.runDueJobs();
    }
    assertThat(driver.activeBulkRuns()).isZero();
  }

  /** How long from now the waiting bulk run's poll timer is due. */
  private Duration pollWait() {
    Job timer =
        engine.getManagementService().createJobQuery().activityId("WaitForJob").singleResult();
    assertThat(timer).as("the run waits at its poll timer").isNotNull();
    return Duration.ofMillis(timer.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime());
  }

  @Test
  void upsertsCorrelateByTheirRowAndReportCreatedOrUpdated() {
    String existing =
        sf.createRecord("Lead", Map.of("LastName", "Old", "Company", "Acme", "Ext__c", "E-1"));
    ProcessInstance update =
        start("upsert", Map.of("lastName", "New", "company", "Acme", "ext", "E-1"));
    ProcessInstance create =
        start("upsert", Map.of("lastName", "Fresh", "company", "Acme", "ext", "E-2"));
    driver.runDueJobs();
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(variable(update, "bulkResult")).isEqualTo("updated");
    assertThat(variable(update, "recordId")).isEqualTo(existing);
    assertThat(variable(create, "bulkResult")).isEqualTo("created");
    assertThat(sf.record("Lead", (String) variable(create, "recordId")).orElseThrow())
        .containsEntry("Ext__c", "E-2")
        .containsEntry("LastName", "Fresh");
  }

  @Test
  void aJobThatRollsBackAfterQueueingLeavesNothingQueued() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("BulkRollbackCaller");
    driver.runDueJobs();

    assertThat(driver.failures()).isNotEmpty();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getExceptionMessage())
        .contains("noSuchBean");
    assertThat(queueSize()).isZero();
  }

  @Test
  void theOutcomeOfAnInstanceThatWasDeletedMeanwhileIsDropped() {
    ProcessInstance kept = insert("Kept");
    ProcessInstance deleted = insert("Deleted");
    driver.runDueJobs();
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "test");
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(kept).isEnded().hasPassed("Written");
    assertThat(sf.records("Lead")).hasSize(2);
    assertThat(queueSize()).isZero();
  }

  private ProcessInstance insert(String lastName) {
    return start("insert", Map.of("lastName", lastName, "company", "Acme"));
  }

  private ProcessInstance start(String variant, Map<String, Object> vars) {
    Map<String, Object> all = new HashMap<>(vars);
    all.put("variant", variant);
    all.putIfAbsent("connection", BulkTestOrg.CONNECTION);
    return engine.getRuntimeService().startProcessInstanceByKey("BulkLeadCaller", all);
  }

  private HistoricProcessInstance onlyBulkRunThatClaimed() {
    List<HistoricProcessInstance> runs =
        history()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(BulkIngestVariables.PROCESS_KEY)
            .list()
            .stream()
            .filter(r -> variable(r.getId(), "claimId") != null)
            .toList();
    assertThat(runs).hasSize(1);
    return runs.get(0);
  }

  private Object variable(ProcessInstance pi, String name) {
    return variable(pi.getId(), name);
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance v =
        history()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(name)
            .singleResult();
    return v == null ? null : v.getValue();
  }

  private HistoryService history() {
    return engine.getHistoryService();
  }

  private long queueSize() {
    return QueueTable.size(engine);
  }
}
