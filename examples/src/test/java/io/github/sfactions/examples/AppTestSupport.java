package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app with its emulated org on free ports, an in-memory database and jobs run by the test.
 * Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AppTestSupport {

  @LocalServerPort int port;

  @Autowired SalesforceEmulator salesforce;

  @Autowired RuntimeService runtime;

  @Autowired ManagementService management;

  @Autowired HistoryService history;

  @Autowired TaskService tasks;

  @Autowired SalesforceConnections connections;

  IntakeClient intake;
  JobDriver jobs;

  @BeforeEach
  void cleanSlate() {
    intake = new IntakeClient(port);
    jobs = new JobDriver(management);
    salesforce.faults().clear();
    // the registry is JVM-wide: other tests' application contexts must have left this context's
    // connection
    assertThat(connections.settings(SalesforceConnections.DEFAULT_CONNECTION))
        .hasValueSatisfying(s -> assertThat(s.loginUrl()).isEqualTo(salesforce.loginUrl()));
    // the micro-batch collector's own instances start and end on the node's trigger thread at any
    // moment (one may end between this query and its deletion); they end on their own. Called
    // instances (an await) go with their caller.
    List<String> running =
        runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
            .filter(p -> !p.getProcessDefinitionId().startsWith(MicroBatchVariables.PROCESS_KEY))
            .map(ProcessInstance::getId)
            .toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test clean-up", true, true, false);
    }
    salesforce.reset();
  }

  /** A message id no other test uses. */
  static String messageId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** Live records of the object whose field has the value. */
  List<Map<String, Object>> records(String sobject, String field, Object value) {
    return salesforce.records(sobject).stream().filter(r -> value.equals(r.get(field))).toList();
  }

  /** Process instances (running or ended) started for a message id, by process definition key. */
  List<String> processesStartedBy(String messageId) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(messageId)
        .list()
        .stream()
        .map(pi -> pi.getProcessDefinitionKey())
        .sorted()
        .toList();
  }
}
