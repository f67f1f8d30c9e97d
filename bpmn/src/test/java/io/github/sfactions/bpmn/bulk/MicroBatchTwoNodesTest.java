package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database, their job executors and micro-batch triggers running in real time:
 * both flush the same group concurrently (one holds it, the other waits its turn), every record is
 * written once, and every instance gets its own outcome, within seconds and without any sweep.
 */
class MicroBatchTwoNodesTest {

  private static final String URL =
      "jdbc:h2:mem:sfactions-micro-two-nodes;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  private static final int EMAILS = 150;

  private static ProcessEngine nodeA;
  private static ProcessEngine nodeB;

  @BeforeAll
  static void startNodes() {
    nodeA = BulkEngines.clusterNode("sfactions-micro-node-a", URL, plugin(), 4);
    nodeB = BulkEngines.clusterNode("sfactions-micro-node-b", URL, plugin(), 4);
    nodeA
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("io/github/sfactions/bpmn/bulk/micro-batch.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/micro-batch-await.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/micro-batch-deliver.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/micro-batch-caller.bpmn")
        .deploy();
  }

  /** Groups of at most 50 records, due after 300 ms: several flushes, often at the same time. */
  private static BulkIngestPlugin plugin() {
    BulkIngestPlugin plugin = BulkEngines.plugin(5000);
    plugin.setMicroBatchMaxRecords(50);
    plugin.setMicroBatchMaxDelay("PT0.3S");
    return plugin;
  }

  @AfterAll
  static void stopNodes() {
    // the database is this class's own: closing the nodes is enough (deleting the deployment
    // would race their job executors)
    nodeA.close();
    nodeB.close();
  }

  @Test
  void twoNodesSendOneGroupWithoutRacesAndEveryRecordIsWrittenOnce() {
    SalesforceEmulator sf = BulkTestOrg.fresh();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < EMAILS; i++) {
        ProcessEngine node = (i + round) % 2 == 0 ? nodeA : nodeB;
        Map<String, Object> vars = new HashMap<>();
        vars.put("operation", "upsert");
        vars.put("matchEmail", "n" + i + "@example.com");
        vars.put("email", "n" + i + "@example.com");
        vars.put("lastName", "Round " + round);
        vars.put("company", "Acme");
        vars.put("delivery", "microBatch");
        vars.put("variant", "none");
        vars.put("connection", BulkTestOrg.CONNECTION);
        node.getRuntimeService().startProcessInstanceByKey("MicroCaller", vars);
      }
    }

    awaitCallersEnded(Duration.ofSeconds(90));

    List<Map<String, Object>> leads = sf.records("Lead");
    assertThat(leads).hasSize(EMAILS);
    assertThat(leads.stream().map(l -> l.get("Email")).distinct()).hasSize(EMAILS);
    Set<String> callers =
        nodeA
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("MicroCaller")
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .collect(Collectors.toSet());
    Map<String, Long> results =
        nodeA
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .variableName("result")
            .list()
            .stream()
            .filter(v -> callers.contains(v.getProcessInstanceId()))
            .collect(
                Collectors.groupingBy(v -> String.valueOf(v.getValue()), Collectors.counting()));
    assertThat(results)
        .containsEntry("created", (long) EMAILS)
        .containsEntry("updated", (long) EMAILS);
    assertThat(nodeA.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(QueueTable.size(nodeA)).isZero();
    assertThat(
            nodeA
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("failedWith")
                .list())
        .extracting(HistoricVariableInstance::getValue)
        .isEmpty();
  }

  private static void awaitCallersEnded(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (nodeA
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("MicroCaller")
            .count()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Callers still waiting after "
                + timeout
                + ": "
                + nodeA
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionKey("MicroCaller")
                    .count()
                + ", queue "
                + QueueTable.size(nodeA));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }
}
