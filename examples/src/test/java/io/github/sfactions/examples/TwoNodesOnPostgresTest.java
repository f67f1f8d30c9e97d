package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode: app nodes, each a JVM of its own ({@link AppNode}) with its intake and job
 * executor, on one PostgreSQL database and one emulated org.
 *
 * <ul>
 *   <li>Nodes A and B (the default 5-minute job lock) take 5,000 events between them (batches sent
 *       to both intakes), a tenth of them back-fill events queued for the Bulk API: every record is
 *       written once, both nodes run jobs, and the Bulk API jobs hold every queued record exactly
 *       once (disjoint claims).
 *   <li>Node C joins with a 15 s job lock and is killed (SIGKILL) while it holds jobs: its locks
 *       stay until they expire, then A or B runs those jobs; nothing is lost and no record is
 *       created twice. (Only the victim has the short lock: a job that outlives its lock, as one
 *       may on a machine busy with other builds, is run a second time by another node, which is why
 *       production keeps the lock far above the longest job; see docs/scaling.md.)
 * </ul>
 *
 * <ul>
 *   <li>Twenty events for one new e-mail, ten through each node: one Lead, created once and updated
 *       in arrival order (record locks through the shared database).
 * </ul>
 *
 * <p>In the first two cases every record has a matcher key of its own. {@code
 * -Dsfactions.test.cluster.events=N} and {@code -Dsfactions.test.failover.events=N} change the
 * sizes.
 */
class TwoNodesOnPostgresTest {

  static final int CLUSTER_EVENTS = Integer.getInteger("sfactions.test.cluster.events", 5000);
  static final int FAILOVER_EVENTS = Integer.getInteger("sfactions.test.failover.events", 600);

  /** The victim's job lock time: how long its jobs stay locked once it is dead. */
  private static final Duration VICTIM_LOCK = Duration.ofSeconds(15);

  /** A lock expiring sooner than this is the victim's (the others' expire after 5 minutes). */
  private static final Duration VICTIM_LOCK_HORIZON = Duration.ofMinutes(1);

  private static final int BATCH = 100;
  private static final int BULK_BATCH = 100;
  private static final Duration WAIT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PostgresTestDatabase database;
  private static SalesforceEmulator org;
  private static AppNode nodeA;
  private static AppNode nodeB;

  @BeforeAll
  static void startCluster() {
    database = PostgresTestDatabase.create("cluster");
    org = SalesforceEmulator.builder().start();
    // one after the other: the first creates the engine's and the bulk queue's tables
    nodeA = AppNode.start("node-a", database, org, settings(Map.of()));
    nodeB = AppNode.start("node-b", database, org, settings(Map.of()));
  }

  @AfterAll
  static void stopCluster() {
    for (AppNode node : new AppNode[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    if (org != null) {
      org.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static Map<String, String> settings(Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put("camunda.bpm.job-execution.core-pool-size", "4");
    settings.put("camunda.bpm.job-execution.max-pool-size", "8");
    settings.put("spring.datasource.hikari.maximum-pool-size", "16");
    settings.put("sfactions.bulk.batch-size", String.valueOf(BULK_BATCH));
    settings.put("sfactions.bulk.flush-interval", "2s");
    settings.put("sfactions.bulk.poll-interval", "1s");
    return settings;
  }

  @Test
  void twoNodesShareTheEventsAndWriteEveryRecordOnceWithDisjointBulkClaims() throws Exception {
    org.reset();
    List<ObjectNode> events = new ArrayList<>();
    List<String> bulkEmails = new ArrayList<>();
    for (int i = 0; i < CLUSTER_EVENTS; i++) {
      boolean bulk = i % 10 == 0;
      String email = (bulk ? "bulk" : "live") + i + "@cluster.example";
      ObjectNode event = identify("cluster-" + i, email);
      if (bulk) {
        event.putObject("context").put("backfill", true);
        bulkEmails.add(email);
      }
      events.add(event);
    }

    Instant start = Instant.now();
    assertThat(sendTo(List.of(nodeA, nodeB), events)).isEqualTo(CLUSTER_EVENTS);
    Instant sent = Instant.now();
    awaitAllInstancesEnded();
    report(
        "cluster: %d events (%d bulk) sent in %s, all instances ended %s later",
        CLUSTER_EVENTS,
        bulkEmails.size(),
        Duration.between(start, sent),
        Duration.between(sent, Instant.now()));
    reportTableSizes();

    assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
    assertThat(finishedInstances("cluster-")).isEqualTo(CLUSTER_EVENTS);
    Map<String, Long> leadsByEmail = leadsByEmail();
    assertThat(leadsByEmail).hasSize(CLUSTER_EVENTS).allSatisfy((e, n) -> assertThat(n).isOne());
    assertThat(org.stats().byOperation())
        .as("one create per streamed record, nothing updated")
        .containsEntry("create", (long) (CLUSTER_EVENTS - bulkEmails.size()))
        .doesNotContainKey("update");
    List<JsonNode> bulkJobs = bulkJobs();
    assertThat(bulkJobs)
        .allSatisfy(
            job -> {
              assertThat(job.path("state").asText()).isEqualTo("JobComplete");
              assertThat(job.path("recordsFailed").asLong()).isZero();
            });
    assertThat(bulkJobs.stream().mapToLong(j -> j.path("recordsProcessed").asLong()).sum())
        .as("every queued record in exactly one Bulk API job")
        .isEqualTo(bulkEmails.size());
    assertThat(bulkJobs.size()).isGreaterThanOrEqualTo(bulkEmails.size() / BULK_BATCH);
    assertThat(count("SELECT COUNT(*) FROM sfa_bulk_entry")).isZero();
    Map<String, Long> jobsByNode = successfulJobsByNode("cluster-");
    long allJobs = jobsByNode.values().stream().mapToLong(Long::longValue).sum();
    report("cluster: successful jobs by node %s, %d Bulk API jobs", jobsByNode, bulkJobs.size());
    assertThat(jobsByNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(jobsByNode.values()).allSatisfy(n -> assertThat(n).isGreaterThan(allJobs / 10));
  }

  @Test
  void twentyEventsForOneNewEmailSentToBothNodesMakeOneLeadUpdatedInArrivalOrder()
      throws Exception {
    org.reset();
    String email = "twenty@cluster.example";
    List<ObjectNode> events = new ArrayList<>();
    for (int k = 1; k <= 20; k++) {
      ObjectNode event = identify("same-" + k, email);
      ((ObjectNode) event.get("traits")).put("last_name", "Arrival " + k);
      events.add(event);
    }

    // the first ten arrive at node A, then the last ten at node B: both run jobs for the one Lead
    assertThat(sendTo(List.of(nodeA), events.subList(0, 10))).isEqualTo(10);
    assertThat(sendTo(List.of(nodeB), events.subList(10, 20))).isEqualTo(10);
    awaitAllInstancesEnded();

    assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
    List<Map<String, Object>> leads = org.records("Lead");
    assertThat(leads).hasSize(1);
    assertThat(leads.get(0)).containsEntry("LastName", "Arrival 20");
    assertThat(org.stats().byOperation()).containsEntry("create", 1L);
    Map<String, Long> results = new HashMap<>();
    query(
        "SELECT v.text_, COUNT(*) FROM act_hi_varinst v JOIN act_hi_procinst p"
            + " ON v.proc_inst_id_ = p.id_ WHERE v.name_ = 'leadResult' AND p.business_key_ LIKE ?"
            + " GROUP BY v.text_",
        "same-%",
        rs -> results.put(rs.getString(1), rs.getLong(2)));
    assertThat(results).containsOnly(Map.entry("created", 1L), Map.entry("updated", 19L));
    report("one e-mail: successful jobs by node %s", successfulJobsByNode("same-"));
  }

  @Test
  void aKilledNodesLockedJobsAreTakenOverAfterTheLockExpiresAndNothingIsLostOrCreatedTwice()
      throws Exception {
    org.reset();
    AppNode victim =
        AppNode.start(
            "node-c",
            database,
            org,
            settings(
                Map.of(
                    "camunda.bpm.job-execution.lock-time-in-millis",
                    String.valueOf(VICTIM_LOCK.toMillis()))));
    // slow answers keep calls in flight on every node when C dies
    org.faults().latency(Duration.ofMillis(150));
    List<ObjectNode> events = new ArrayList<>();
    for (int i = 0; i < FAILOVER_EVENTS; i++) {
      events.add(identify("failover-" + i, "failover" + i + "@cluster.example"));
    }
    Map<String, Instant> orphaned;
    Instant killed;
    try {
      assertThat(sendTo(List.of(nodeA, victim), events)).isEqualTo(FAILOVER_EVENTS);
      Waits.until(
          "a fifth of the records landed and node C holds job locks",
          WAIT,
          () -> org.records("Lead").size() >= FAILOVER_EVENTS / 5 && !locksOfVictim().isEmpty());
      victim.kill();
      killed = Instant.now();
      orphaned = locksOfVictim();
    } finally {
      victim.close();
    }
    assertThat(orphaned).as("jobs node C held when it died").isNotEmpty();
    Instant firstExpiry = orphaned.values().stream().min(Instant::compareTo).orElseThrow();
    if (Instant.now().isBefore(firstExpiry.minusMillis(500))) {
      // before their locks expire, the other nodes leave them alone
      assertThat(locksOfVictim().keySet()).containsAll(orphaned.keySet());
    }
    awaitAllInstancesEnded();
    report(
        "failover: node C killed holding %d job locks (the first expiring %s after the kill), all"
            + " %d instances ended %s after the kill; Salesforce operations %s",
        orphaned.size(),
        Duration.between(killed, firstExpiry),
        FAILOVER_EVENTS,
        Duration.between(killed, Instant.now()),
        org.stats().byOperation());

    assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
    Map<String, Long> leadsByEmail = leadsByEmail();
    assertThat(leadsByEmail).hasSize(FAILOVER_EVENTS).allSatisfy((e, n) -> assertThat(n).isOne());
    Map<String, Long> operations = org.stats().byOperation();
    assertThat(operations).containsEntry("create", (long) FAILOVER_EVENTS);
    assertThat(operations.getOrDefault("update", 0L))
        .as("a write C made before it died is repeated as an update at most")
        .isLessThanOrEqualTo(orphaned.size());
    for (Map.Entry<String, Instant> lock : orphaned.entrySet()) {
      assertThat(successOnASurvivor(lock.getKey()))
          .as(
              "job %s, locked by C until %s (C killed at %s)",
              lock.getKey(), lock.getValue(), killed)
          .isAfterOrEqualTo(lock.getValue());
    }
  }

  /** One line in the test's output (target/surefire-reports), for the figures in the docs. */
  private static void report(String format, Object... values) {
    System.out.println("[TwoNodesOnPostgresTest] " + String.format(format, values));
  }

  /**
   * Rows and bytes per event in the tables that grow with the records, over every event the
   * database has seen so far (for the database sizing in docs/scaling.md).
   */
  private static void reportTableSizes() {
    long events =
        count(
            "SELECT COUNT(*) FROM act_hi_procinst"
                + " WHERE proc_def_key_ IN ('identify-lead', 'backfill-leads')");
    long history = 0;
    for (String table :
        List.of(
            "act_hi_procinst",
            "act_hi_actinst",
            "act_hi_varinst",
            "act_hi_detail",
            "act_hi_job_log",
            "act_ge_bytearray",
            "act_ru_execution",
            "act_ru_job",
            "act_ru_variable",
            "sfa_bulk_entry")) {
      long rows = count("SELECT COUNT(*) FROM " + table);
      long bytes = count("SELECT pg_total_relation_size('" + table + "')");
      history += table.startsWith("act_hi_") || table.equals("act_ge_bytearray") ? bytes : 0;
      report(
          "size: %-17s %8d rows %6.2f rows/event %8.0f bytes/event (with indexes)",
          table, rows, rows / (double) events, bytes / (double) events);
    }
    report(
        "size: history and byte arrays %.0f bytes/event over %d events",
        history / (double) events, events);
  }

  /** Sends the events in batches of 100, in turn to each node; answers how many started. */
  private static int sendTo(List<AppNode> nodes, List<ObjectNode> events) throws Exception {
    List<IntakeClient> intakes = nodes.stream().map(n -> n.intake(Duration.ofMinutes(3))).toList();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int from = 0, n = 0; from < events.size(); from += BATCH, n++) {
      ArrayNode batch = JSON.createArrayNode();
      events.subList(from, Math.min(from + BATCH, events.size())).forEach(batch::add);
      String body = JSON.createObjectNode().set("batch", batch).toString();
      IntakeClient intake = intakes.get(n % intakes.size());
      answers.add(senders.submit(() -> intake.post("/v1/batch", body)));
    }
    int started = 0;
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      started += JSON.readTree(response.body()).get("started").asInt();
    }
    senders.shutdown();
    return started;
  }

  private static ObjectNode identify(String userId, String email) {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("type", "identify")
        .put("userId", userId)
        .put("messageId", userId + "-" + UUID.randomUUID());
    event
        .putObject("traits")
        .put("email", email)
        .put("last_name", "Node " + userId)
        .put("company", "Cluster Co");
    return event;
  }

  private static void awaitAllInstancesEnded() {
    Waits.until(
        "every instance ended",
        WAIT,
        () -> runningInstances() == 0,
        () ->
            "running: "
                + runningInstances()
                + ", incidents: "
                + count("SELECT COUNT(*) FROM act_ru_incident")
                + ", Leads: "
                + org.records("Lead").size());
  }

  private static long runningInstances() {
    return count(
        "SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d ON e.proc_def_id_ = d.id_"
            + " WHERE e.id_ = e.proc_inst_id_ AND d.key_ IN ('identify-lead', 'backfill-leads')");
  }

  /** Ended instances of the two processes whose business key (message id) has the prefix. */
  private static long finishedInstances(String messageIdPrefix) {
    long[] result = new long[1];
    query(
        "SELECT COUNT(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL"
            + " AND proc_def_key_ IN ('identify-lead', 'backfill-leads') AND business_key_ LIKE ?",
        messageIdPrefix + "%",
        rs -> result[0] = rs.getLong(1));
    return result[0];
  }

  /**
   * The jobs locked by the victim, with their lock expiry: its lock time is seconds, the others'
   * minutes, so a lock that expires within a minute is the victim's.
   */
  private static Map<String, Instant> locksOfVictim() {
    Map<String, Instant> locks = new HashMap<>();
    query(
        "SELECT id_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL"
            + " AND lock_exp_time_ < ?",
        Timestamp.from(Instant.now().plus(VICTIM_LOCK_HORIZON)),
        rs -> locks.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
    return locks;
  }

  /** When node A or B ran the job successfully (their job log), or null if neither did. */
  private static Instant successOnASurvivor(String jobId) {
    List<Instant> runs = new ArrayList<>();
    query(
        "SELECT timestamp_ FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2"
            + " AND hostname_ IN ('node-a', 'node-b')",
        jobId,
        rs -> runs.add(rs.getTimestamp(1).toInstant()));
    return runs.isEmpty() ? null : runs.get(0);
  }

  /** Successful jobs by node, of the instances whose business key has the prefix. */
  private static Map<String, Long> successfulJobsByNode(String messageIdPrefix) {
    Map<String, Long> byNode = new HashMap<>();
    query(
        "SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l JOIN act_hi_procinst p"
            + " ON l.process_instance_id_ = p.id_ WHERE l.job_state_ = 2"
            + " AND p.business_key_ LIKE ? GROUP BY l.hostname_",
        messageIdPrefix + "%",
        rs -> byNode.put(rs.getString(1), rs.getLong(2)));
    return byNode;
  }

  private static Map<String, Long> leadsByEmail() {
    return org.records("Lead").stream()
        .collect(Collectors.groupingBy(l -> (String) l.get("Email"), Collectors.counting()));
  }

  /** The emulated org's Bulk API 2.0 ingest jobs, from its admin endpoint. */
  private static List<JsonNode> bulkJobs() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(org.instanceUrl() + "/__emulator/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    List<JsonNode> jobs = new ArrayList<>();
    (body.isArray() ? body : body.path("jobs")).forEach(jobs::add);
    return jobs;
  }

  private static long count(String sql) {
    long[] result = new long[1];
    query(sql, null, rs -> result[0] = rs.getLong(1));
    return result[0];
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, Object parameter, Row row) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setObject(1, parameter);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }
}
