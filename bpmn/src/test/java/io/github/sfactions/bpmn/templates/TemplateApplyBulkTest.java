package io.github.sfactions.bpmn.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.github.sfactions.bpmn.bulk.BulkEngines;
import io.github.sfactions.bpmn.bulk.BulkProcessTestSupport;
import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A "(Bulk API)" template applied the Modeler's way and followed by "Await bulk outcome": the task
 * queues the record, the bulk ingest process sends it in a Bulk API 2.0 job, and the instance
 * continues with its record Id.
 */
class TemplateApplyBulkTest extends BulkProcessTestSupport {

  static final ProcessEngine ENGINE =
      BulkEngines.engine(
          "sfactions-bulk-test",
          "jdbc:h2:mem:sfactions-bulk-test;DB_CLOSE_DELAY=-1",
          "full",
          BulkEngines.plugin(5000));

  private String deployment;

  TemplateApplyBulkTest() {
    super(ENGINE);
  }

  @AfterEach
  void deleteDeployment() {
    if (deployment != null) {
      ENGINE.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theBulkAddLeadTemplateQueuesTheRecordAndTheInstanceContinuesWithItsId() {
    deployment =
        ENGINE
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn")
            .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-await.bpmn")
            .addModelInstance(
                "applied-bulk.bpmn",
                TemplateApplier.applyThenAwaitBulk(
                    TemplateApplier.committed(
                        "salesforce-lead.json", "Salesforce V2: Add Lead (Bulk API)"),
                    Map.of(
                        "LastName",
                        "${lastName}",
                        "Company",
                        "Acme",
                        "connection",
                        BulkTestOrg.CONNECTION)))
            .deploy()
            .getId();

    ProcessInstance pi =
        ENGINE
            .getRuntimeService()
            .startProcessInstanceByKey(TemplateApplier.PROCESS_KEY, Map.of("lastName", "Lovelace"));
    driver.runDueJobs();
    assertThat(driver.failures()).as("the task's job").isEmpty();
    assertThat(pi).isWaitingAt("AwaitBulk");
    assertThat(sf.stats().totalApiCalls()).as("queued, not sent").isZero();

    driver.flush();
    driver.drainBulk(sf, Duration.ofSeconds(10));

    assertThat(pi).isEnded().hasPassed(TemplateApplier.DONE);
    String id =
        (String)
            ENGINE
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("leadId")
                .singleResult()
                .getValue();
    assertThat(sf.record("Lead", id).orElseThrow()).containsEntry("LastName", "Lovelace");
    assertThat(driver.failures()).isEmpty();
  }
}
