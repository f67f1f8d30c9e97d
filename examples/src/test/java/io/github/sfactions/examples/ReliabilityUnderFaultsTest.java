package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.Faults;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app under injected Salesforce faults, with its job executor running: events in through the
 * real HTTP intake, every record written exactly once (counted in the emulated org), incidents
 * while the faults last that clear once they stop and the jobs are retried, and what a lost answer
 * to a create does with and without an external id.
 *
 * <p>The org is an emulator of the test's own (a {@code Lead.Ext__c} external id), given to the app
 * as its {@code default} connection with a 2 s read timeout. The test process {@code
 * reliability-lead} retries every 1 s, 5 attempts, so that the run stays short. The event count is
 * the 2,000; {@code -Dsfactions.test.reliability.events=N} (a multiple of 100) changes it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "examples.emulator.enabled=false",
      "camunda.bpm.process-engine-name=reliability",
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.core-pool-size=4",
      "camunda.bpm.job-execution.max-pool-size=8",
      "camunda.bpm.job-execution.queue-capacity=8",
      "camunda.bpm.job-execution.max-jobs-per-acquisition=8",
      "camunda.bpm.job-execution.wait-time-in-millis=100",
      "camunda.bpm.job-execution.max-wait=500",
      "spring.datasource.hikari.maximum-pool-size=16"
    })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityUnderFaultsTest {

  static final int EVENTS = Integer.getInteger("sfactions.test.reliability.events", 2000);
  private static final String PROCESS = "reliability-lead";
  private static final String EXT_PATH = "/sobjects/Lead/Ext__c/";

  /** Records whose upsert fails for as long as the faults last: they must become incidents. */
  private static final String DOOMED = "DOOMED-";

  private static final int BATCH = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  static final SalesforceEmulator SALESFORCE =
      SalesforceEmulator.builder()
          .object(
              new EmulatorConfig.SObject(
                  "Lead", List.of(EmulatorConfig.Field.externalId("Ext__c"))))
          .start();

  @DynamicPropertySource
  static void org(DynamicPropertyRegistry registry) {
    String c = "sfactions.connections.default.";
    registry.add(c + "login-url", SALESFORCE::loginUrl);
    registry.add(c + "auth.flow", () -> "client-credentials");
    registry.add(c + "auth.client-id", () -> SalesforceEmulator.DEMO_CLIENT_ID);
    registry.add(c + "auth.client-secret", () -> SalesforceEmulator.DEMO_CLIENT_SECRET);
    registry.add(c + "allow-local-instance", () -> "true");
    registry.add(c + "read-timeout", () -> "2s");
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  private IntakeClient intake;

  /** Deployed once: the context (and its database) is closed after this class. */
  @BeforeAll
  void deploy() throws IOException {
    // a machine busy with other builds may take long to store a batch: wait as long as needed
    intake = new IntakeClient(port, Duration.ofMinutes(2));
    try (InputStream bpmn =
        getClass().getResourceAsStream("reliability/reliability-lead.bpmn.xml")) {
      repository.createDeployment().name(PROCESS).addInputStream(PROCESS + ".bpmn", bpmn).deploy();
    }
  }

  @BeforeEach
  void healthyOrg() {
    SALESFORCE.faults().clear();
    SALESFORCE.reset();
  }

  @AfterAll
  void stopOrg() {
    SALESFORCE.faults().clear();
    SALESFORCE.close();
  }

  @Test
  void eventsUnderInjectedFaultsLandExactlyOnceAndIncidentsClearAfterTheFaultsStopAndJobsRetry()
      throws Exception {
    Faults faults = SALESFORCE.faults().hangCap(Duration.ofSeconds(4));
    // ambiguous answers: the first creates take effect and their answer is lost (dropped, or never
    // sent so that the 2 s read timeout fires)
    faults
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 10, "PATCH", EXT_PATH, null)
        .failNext(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 10, "PATCH", EXT_PATH, null)
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 10, "POST", "/sobjects/Lead", null)
        .failNext(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 10, "POST", "/sobjects/Lead", null)
        // an outage of some records for as long as the faults last
        .add(
            new EmulatorConfig.FaultRule(
                FaultType.SERVER_UNAVAILABLE.name(), null, null, EXT_PATH + DOOMED, null, null))
        // 10 % 500/503 and the rest of the mix on every call
        .fail(FaultType.SERVER_ERROR, 0.05)
        .fail(FaultType.SERVER_UNAVAILABLE, 0.05)
        .fail(FaultType.UNABLE_TO_LOCK_ROW, 0.03)
        .fail(FaultType.DROP_CONNECTION, 0.02)
        .fail(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 0.01)
        .fail(FaultType.NO_RESPONSE_AFTER_PROCESSING, 0.01)
        .fail(FaultType.INVALID_SESSION, 0.01);
    ScheduledExecutorService background = Executors.newScheduledThreadPool(1);
    AtomicLong mostIncidentsWhileFaulty = new AtomicLong();
    background.scheduleAtFixedRate(SALESFORCE::expireSessions, 1, 1, TimeUnit.SECONDS);
    background.scheduleAtFixedRate(
        () -> mostIncidentsWhileFaulty.accumulateAndGet(incidents().size(), Math::max),
        100,
        100,
        TimeUnit.MILLISECONDS);
    long tokenRequestsBefore = SALESFORCE.stats().tokenRequests();
    // the engine's history outlives each test method; count only this method's instances
    Date started = new Date(System.currentTimeMillis() - 1);
    List<String> doomed;
    List<Incident> incidentsWhileFaulty;
    try {
      doomed = sendAllEvents();
      Waits.until(
          "a third of the Leads landed",
          Duration.ofSeconds(120),
          () -> SALESFORCE.records("Lead").size() >= EVENTS / 3);
      // a burst: the next 200 calls are refused as over the daily limit
      faults.failNext(FaultType.REQUEST_LIMIT_EXCEEDED, 200);
      Waits.until(
          "every job succeeded or ran out of retries",
          Duration.ofSeconds(180),
          () ->
              management.createJobQuery().processDefinitionKey(PROCESS).withRetriesLeft().count()
                  == 0,
          () ->
              "Leads: " + SALESFORCE.records("Lead").size() + ", incidents: " + incidents().size());
      incidentsWhileFaulty = incidents();
      assertThat(faults.current().rules())
          .as("the counted ambiguous-answer rules and the 403 burst were used up")
          .allSatisfy(rule -> assertThat(rule.count()).isNull());
    } finally {
      background.shutdownNow();
      faults.clear();
    }

    assertThat(mostIncidentsWhileFaulty.get()).isGreaterThanOrEqualTo(doomed.size());
    Map<String, Incident> byBusinessKey =
        incidentsWhileFaulty.stream()
            .collect(Collectors.toMap(i -> businessKeyOf(i), Function.identity()));
    assertThat(doomed)
        .allSatisfy(
            messageId ->
                assertThat(byBusinessKey.get(messageId).getIncidentMessage())
                    .contains("503", "SERVER_UNAVAILABLE")
                    .doesNotContain(SalesforceEmulator.DEMO_CLIENT_SECRET));
    assertThat(SALESFORCE.stats().tokenRequests() - tokenRequestsBefore)
        .as("forced session expiry made the client log in again")
        .isGreaterThan(3);
    assertThat(failureMessages())
        .anySatisfy(m -> assertThat(m).contains("500", "UNKNOWN_EXCEPTION"))
        .anySatisfy(m -> assertThat(m).contains("UNABLE_TO_LOCK_ROW"))
        .anySatisfy(m -> assertThat(m).contains("403", "REQUEST_LIMIT_EXCEEDED"))
        .anySatisfy(m -> assertThat(m).containsIgnoringCase("timeout"))
        .anySatisfy(m -> assertThat(m).contains("IO_ERROR"));

    // what an operator does once Salesforce is healthy again: Retry on every incident
    incidentsWhileFaulty.forEach(i -> management.setJobRetries(i.getConfiguration(), 3));
    Waits.until(
        "every instance ended",
        Duration.ofSeconds(120),
        () -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count() == 0,
        () -> "incidents: " + incidents());

    assertThat(incidents()).isEmpty();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .startedAfter(started)
                .finished()
                .count())
        .isEqualTo(EVENTS);
    Map<String, Long> leadsByExtId =
        SALESFORCE.records("Lead").stream()
            .collect(Collectors.groupingBy(l -> (String) l.get("Ext__c"), Collectors.counting()));
    assertThat(leadsByExtId).hasSize(EVENTS).allSatisfy((ext, n) -> assertThat(n).isOne());
    assertThat(SALESFORCE.records("Lead"))
        .allSatisfy(
            lead ->
                assertThat(lead.get("LastName"))
                    .isEqualTo("Signup " + ((String) lead.get("Ext__c")).replaceAll("\\D", "")));
  }

  @Test
  void aNativeUpsertWhoseAnswerIsLostUpdatesOnRetryTheRecordItCreated() {
    SALESFORCE
        .faults()
        .hangCap(Duration.ofSeconds(4))
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 1, "PATCH", EXT_PATH, null);

    assertThat(sendAndAwait(signup(1, "native"))).isNull();

    assertThat(leadsWith("Ext__c", "R-1")).hasSize(1);
    assertThat(calls("PATCH", EXT_PATH + "R-1")).isEqualTo(2);
  }

  @Test
  void anUpsertByMatcherWhoseCreateAnswerIsLostFindsTheRecordOnRetryAndUpdatesIt() {
    SALESFORCE
        .faults()
        .failNext(FaultType.DROP_CONNECTION_AFTER_PROCESSING, 1, "POST", "/sobjects/Lead", null);

    assertThat(sendAndAwait(signup(2, "email"))).isNull();

    List<Map<String, Object>> leads = leadsWith("Ext__c", "R-2");
    assertThat(leads).hasSize(1);
    assertThat(calls("POST", "/sobjects/Lead")).isEqualTo(1);
    assertThat(calls("PATCH", "/sobjects/Lead/" + leads.get(0).get("Id"))).isEqualTo(1);
  }

  @Test
  void withoutAnExternalIdOrMatcherACreateWhoseAnswerIsLostIsWrittenAgainOnRetry() {
    SALESFORCE
        .faults()
        .hangCap(Duration.ofSeconds(4))
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 1, "POST", "/sobjects/Lead", null);
    ObjectNode event = signup(3, "create");
    ((ObjectNode) event.get("properties")).remove("ext");

    assertThat(sendAndAwait(event)).isNull();

    // the documented limit: a plain create cannot know that its first attempt wrote the record
    assertThat(leadsWith("Email", "signup3@reliability.example")).hasSize(2);
    assertThat(calls("POST", "/sobjects/Lead")).isEqualTo(2);
  }

  @Test
  void aCreateRepeatedAfterALostAnswerIsRefusedByAUniqueFieldAndBecomesAnIncident() {
    SALESFORCE
        .faults()
        .hangCap(Duration.ofSeconds(4))
        .failNext(FaultType.NO_RESPONSE_AFTER_PROCESSING, 1, "POST", "/sobjects/Lead", null);

    Incident incident = sendAndAwait(signup(4, "create"));

    // the unique Ext__c stops the second record; the task needs an operator's decision
    assertThat(leadsWith("Ext__c", "R-4")).hasSize(1);
    assertThat(incident.getIncidentMessage()).contains("DUPLICATE_VALUE", "Ext__c");
    runtime.deleteProcessInstance(incident.getProcessInstanceId(), "resolved by the test");
  }

  /**
   * Sends the events in batches of 100 from four clients: every other one upserted natively, every
   * hundredth doomed; answers the message ids of the doomed ones.
   */
  private List<String> sendAllEvents() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    List<String> doomed = new ArrayList<>();
    for (int first = 1; first <= EVENTS; first += BATCH) {
      ArrayNode batch = JSON.createArrayNode();
      for (int i = first; i < first + BATCH; i++) {
        boolean isDoomed = i % 100 == 0;
        ObjectNode event = signup(i, isDoomed || i % 2 == 0 ? "native" : "email");
        if (isDoomed) {
          ((ObjectNode) event.get("properties")).put("ext", DOOMED + i);
          doomed.add(event.get("messageId").asText());
        }
        batch.add(event.put("type", "track"));
      }
      String body = JSON.createObjectNode().set("batch", batch).toString();
      answers.add(senders.submit(() -> intake.post("/v1/batch", body)));
    }
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).get("started").asInt()).isEqualTo(BATCH);
    }
    senders.shutdown();
    return doomed;
  }

  /**
   * Sends one event and waits until its instance has ended (answers null) or has an incident
   * (answers it).
   */
  private Incident sendAndAwait(ObjectNode event) {
    HttpResponse<String> response = intake.post("/v1/track", event.toString());
    assertThat(response.body()).contains("\"started\":1");
    String instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(event.get("messageId").asText())
            .singleResult()
            .getId();
    Waits.until(
        "the instance ended or has an incident",
        Duration.ofSeconds(60),
        () ->
            runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0
                || runtime.createIncidentQuery().processInstanceId(instance).count() > 0);
    return runtime.createIncidentQuery().processInstanceId(instance).singleResult();
  }

  /** A "Reliability Signup" track event for record {@code i}, written the given way. */
  private ObjectNode signup(int i, String mode) {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("userId", "u-" + i)
        .put("messageId", "rel-" + i + "-" + UUID.randomUUID())
        .put("event", "Reliability Signup");
    event
        .putObject("properties")
        .put("mode", mode)
        .put("ext", "R-" + i)
        .put("email", "signup" + i + "@reliability.example")
        .put("last_name", "Signup " + i)
        .put("company", "Faults Inc");
    return event;
  }

  private List<Incident> incidents() {
    return runtime.createIncidentQuery().list().stream()
        .filter(i -> i.getProcessDefinitionId().startsWith(PROCESS + ":"))
        .toList();
  }

  private String businessKeyOf(Incident incident) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(incident.getProcessInstanceId())
        .singleResult()
        .getBusinessKey();
  }

  /** The exception messages of every failed job attempt of the test process. */
  private Set<String> failureMessages() {
    return history
        .createHistoricJobLogQuery()
        .failureLog()
        .processDefinitionKey(PROCESS)
        .list()
        .stream()
        .map(HistoricJobLog::getJobExceptionMessage)
        .collect(Collectors.toSet());
  }

  /** Requests to the org with this method whose path ends with {@code pathEnd}. */
  private static long calls(String method, String pathEnd) {
    return SALESFORCE.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
        .count();
  }

  private static List<Map<String, Object>> leadsWith(String field, String value) {
    return SALESFORCE.records("Lead").stream().filter(l -> value.equals(l.get(field))).toList();
  }
}
