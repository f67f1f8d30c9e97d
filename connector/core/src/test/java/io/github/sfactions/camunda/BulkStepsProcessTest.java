package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Bulk API 2.0 job modelled step by step: create, upload, close, poll with a timer loop, fetch
 * results.
 */
class BulkStepsProcessTest extends EngineProcessTestSupport {

  @Test
  @Deployment(resources = "bpmn/bulk-steps.bpmn")
  void aJobIsCreatedUploadedClosedPolledAndItsPerRecordResultsFetched() {
    String existing =
        ORG.createRecord("Invoice__c", Map.of("Ext__c", "INV-1", "Status__c", "Open"));
    String records =
        "[{\"Ext__c\":\"INV-1\",\"Status__c\":\"Paid\"},{\"Ext__c\":\"INV-2\",\"Status__c\":\"Open\"},"
            + "{\"Ext__c\":\"INV-3\",\"Amount__c\":\"not a number\"}]";
    ProcessInstance pi = runtime.startProcessInstanceByKey("BulkSteps", Map.of("records", records));

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).list().isEmpty()
        && Instant.now().isBefore(deadline)) {
      Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
      if (timer != null) {
        management.executeJob(timer.getId());
      }
    }

    assertThat(pi).isEnded().hasPassed("CreateJob", "Upload", "Close", "Status", "Results");
    assertThat(pi)
        .variables()
        .containsEntry("uploaded", 3)
        .containsEntry("state", "JobComplete")
        .containsEntry("successful", 2)
        .containsEntry("failedRecords", 1);
    SpinJsonNode results =
        (SpinJsonNode)
            BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("results")
                .singleResult()
                .getValue();
    assertThat(results.elements()).hasSize(3);
    assertThat(results.elements())
        .anySatisfy(
            r -> {
              assertThat(r.prop("id").stringValue()).isEqualTo(existing);
              assertThat(r.prop("result").stringValue()).isEqualTo("updated");
            });
    assertThat(results.elements())
        .anySatisfy(r -> assertThat(r.prop("outcome").stringValue()).isEqualTo("failed"));
    assertThat(ORG.record("Invoice__c", existing).orElseThrow()).containsEntry("Status__c", "Paid");
  }
}
