package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Concurrent upserts by matcher for one new record, each its own job run by its own thread through
 * the engine and its database: {@link RecordLocks} make them take turns (one create, then updates,
 * never a duplicate or a {@code 300}) and write in arrival order ({@link ArrivalOrder}).
 */
class RecordTurnsProcessTest extends EngineProcessTestSupport {

  private static final String PROCESS = "LeadUpsertAsync";
  private static final String BPMN = "bpmn/lead-upsert-async.bpmn";
  private static final int EVENTS = 20;

  @Test
  @Deployment(resources = BPMN)
  void twentyConcurrentUpsertsForOneNewEmailCreateOneLeadAndUpdateItNineteenTimes()
      throws Exception {
    List<String> instances = startEvents("twenty@turns.example", true);

    ConcurrentJobs.runAtOnce(management, ids(jobsNewestFirst(instances)));

    List<Map<String, Object>> leads = leadsWith("twenty@turns.example");
    assertThat(leads).hasSize(1);
    assertThat(results()).containsEntry("created", 1L).containsEntry("updated", 19L).hasSize(2);
    assertThat(management.createJobQuery().count()).as("no job failed").isZero();
    assertThat(leads.get(0))
        .as("the last event to arrive wrote LastName, the first one alone wrote City")
        .containsEntry("LastName", "Arrival " + EVENTS)
        .containsEntry("City", "Early City");
    assertThat(requests("POST", "/sobjects/Lead")).isOne();
  }

  @Test
  @Deployment(resources = BPMN)
  void jobsRunNewestFirstLeaveTheRecordAsArrivalOrderWouldAndSkipWritesWithNothingLeft() {
    List<String> instances = startEvents("reverse@turns.example", true);

    for (Job job : jobsNewestFirst(instances)) {
      management.executeJob(job.getId());
    }

    Map<String, Object> lead = leadsWith("reverse@turns.example").get(0);
    assertThat(lead)
        .containsEntry("LastName", "Arrival " + EVENTS)
        .containsEntry("City", "Early City");
    // the newest event created the Lead; events 19..2 found every field of theirs written by a
    // later event and sent nothing; event 1 wrote City only
    assertThat(requests("POST", "/sobjects/Lead")).isOne();
    assertThat(requests("PATCH", "/sobjects/Lead/")).isOne();
    assertThat(ORG.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("Early City").doesNotContain("Arrival"));
    assertThat(results()).containsEntry("created", 1L).containsEntry("updated", 19L);
  }

  @Test
  @Deployment(resources = BPMN)
  void withoutArrivalNumbersConcurrentUpsertsStillCreateOneLead() throws Exception {
    List<String> instances = startEvents("unordered@turns.example", false);

    ConcurrentJobs.runAtOnce(management, ids(jobsNewestFirst(instances)));

    assertThat(leadsWith("unordered@turns.example")).hasSize(1);
    assertThat(results()).containsEntry("created", 1L).containsEntry("updated", 19L);
    assertThat(requests("PATCH", "/sobjects/Lead/")).isEqualTo(EVENTS - 1);
  }

  @Test
  @Deployment(resources = BPMN)
  void aJobThatWaitsTooLongForItsRecordIsRetriedSoonWithoutUsingUpARetry() throws Exception {
    String instance = startEvents("busy@turns.example", true).get(0);
    Job job = management.createJobQuery().processInstanceId(instance).singleResult();
    DataSource db =
        engineExtension.getProcessEngine().getProcessEngineConfiguration().getDataSource();
    int retriesBefore = job.getRetries();

    try (Connection other = db.getConnection()) {
      // another node holds every record's turn for longer than H2 lets a row lock wait (2 s)
      other.setAutoCommit(false);
      other.createStatement().executeUpdate("UPDATE SFA_RECORD_LOCK SET TURNS_ = TURNS_ + 1");
      long before = System.currentTimeMillis();
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .hasStackTraceContaining("Another job held the turn of this Lead record too long");
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getRetries()).isEqualTo(retriesBefore);
      assertThat(failed.getDuedate().getTime())
          .isBetween(before + 1000, System.currentTimeMillis() + 2000);
      assertThat(ORG.requests()).as("nothing was sent to Salesforce").isEmpty();
      other.rollback();
    }

    management.executeJob(job.getId());
    assertThat(leadsWith("busy@turns.example")).hasSize(1);
  }

  @Test
  @Deployment(resources = BPMN)
  void aRecordsFieldOrderIsForgottenOnceTheRetentionHasPassed() {
    String email = "retention@turns.example";
    long base = ArrivalOrder.next();
    String newest = start(email, "Newest", null, base + 3);
    String older = start(email, "Older", "Later City", base + 1);
    String middle = start(email, "Middle", null, base + 2);
    try {
      runJob(newest);
      // two days on: the default retention (one day) has passed for what the newest event wrote
      ClockUtil.setCurrentTime(
          new Date(System.currentTimeMillis() + Duration.ofDays(2).toMillis()));
      runJob(older);
      // the older event found LastName written by a later one and left it; writing City, it pruned
      // the order kept longer than the retention, so the middle event no longer knows of the newest
      assertThat(leadsWith(email).get(0)).containsEntry("LastName", "Newest");
      runJob(middle);
    } finally {
      ClockUtil.reset();
    }

    assertThat(leadsWith(email).get(0))
        .containsEntry("LastName", "Middle")
        .containsEntry("City", "Later City");
  }

  @Test
  @Deployment(resources = {BPMN, "bpmn/find-then-write-other.bpmn"})
  void aLookupsTurnOrdersOnlyTheWriteOfWhatItLookedFor() {
    String email = "looked-up@turns.example";
    long base = ArrivalOrder.next();
    // a later event wrote the looked-up Lead's LastName
    runJob(start(email, "Later", null, base + 2));
    String other =
        ORG.createRecord(
            "Lead", Map.of("LastName", "Other", "Company", "X", "Email", "other@turns.example"));

    Map<String, Object> vars = new HashMap<>();
    vars.put("email", email);
    vars.put("otherId", other);
    vars.put("lastName", "Written");
    vars.put(ArrivalOrder.VARIABLE, base + 1);
    runJob(runtime.startProcessInstanceByKey("FindThenWriteOther", vars).getId());

    // the earlier event's lookup of that Lead does not stop its write of another record
    assertThat(ORG.record("Lead", other).orElseThrow()).containsEntry("LastName", "Written");
    assertThat(leadsWith(email).get(0)).containsEntry("LastName", "Later");
  }

  private String start(String email, String lastName, String city, long arrival) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("email", email);
    vars.put("lastName", lastName);
    vars.put("company", "Turns Inc");
    if (city != null) {
      vars.put("city", city);
    }
    vars.put(ArrivalOrder.VARIABLE, arrival);
    return runtime.startProcessInstanceByKey(PROCESS, vars).getId();
  }

  private void runJob(String instance) {
    management.executeJob(
        management.createJobQuery().processInstanceId(instance).singleResult().getId());
  }

  /** Starts one instance per event, event k with arrival number base + k when ordered. */
  private List<String> startEvents(String email, boolean ordered) {
    long base = ArrivalOrder.next();
    List<String> ids = new ArrayList<>();
    for (int k = 1; k <= EVENTS; k++) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("email", email);
      vars.put("lastName", "Arrival " + k);
      vars.put("company", "Turns Inc");
      if (k == 1) {
        vars.put("city", "Early City");
      }
      if (ordered) {
        vars.put(ArrivalOrder.VARIABLE, base + k);
      }
      ids.add(runtime.startProcessInstanceByKey(PROCESS, vars).getId());
    }
    return ids;
  }

  private List<Job> jobsNewestFirst(List<String> instances) {
    List<Job> jobs = new ArrayList<>();
    for (String id : instances) {
      jobs.add(management.createJobQuery().processInstanceId(id).singleResult());
    }
    Collections.reverse(jobs);
    return jobs;
  }

  private static List<String> ids(List<Job> jobs) {
    return jobs.stream().map(Job::getId).toList();
  }

  private Map<String, Long> results() {
    HistoryService history = engineExtension.getProcessEngine().getHistoryService();
    Map<String, Long> counts = new HashMap<>();
    for (HistoricVariableInstance v :
        history.createHistoricVariableInstanceQuery().variableName("sfResult").list()) {
      counts.merge((String) v.getValue(), 1L, Long::sum);
    }
    return counts;
  }

  private static List<Map<String, Object>> leadsWith(String email) {
    return ORG.records("Lead").stream().filter(l -> email.equals(l.get("Email"))).toList();
  }

  private static long requests(String method, String pathPart) {
    return ORG.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
        .count();
  }
}
