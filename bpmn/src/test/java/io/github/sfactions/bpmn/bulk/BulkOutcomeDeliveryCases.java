package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * How outcomes reach their instances: the awaiting activity continues in its own job (so an
 * instance failing after its outcome cannot hold back its batch), and an outcome whose instance is
 * not waiting yet ends in an incident on "Deliver late outcomes" that names the instance, and is
 * delivered by a retry once the instance waits. Also: a micro-batch record that REST would refuse
 * is refused before anything is queued.
 */
@Deployment(
    resources = {
      BulkIngestProcessCases.INGEST,
      "io/github/sfactions/bpmn/bulk/bulk-delivery-caller.bpmn"
    })
abstract class BulkOutcomeDeliveryCases extends BulkProcessTestSupport {

  private static final String CALLER = "BulkDeliveryCaller";
  private static final Duration POLL = Duration.ofSeconds(10);

  /** The tests on this engine (its database). */
  BulkOutcomeDeliveryCases(ProcessEngine engine) {
    super(engine);
  }

  @Test
  void anInlineOutcomeCatchEventContinuesAsynchronouslyWhileOtherCatchEventsAreLeftAsModelled() {
    assertThat(definition(CALLER).findActivity("AwaitOutcome").isAsyncAfter()).isTrue();
    assertThat(definition("OtherMessageCatch").findActivity("OtherCatch").isAsyncAfter()).isFalse();
  }

  @Test
  void
      outcomeCatchEventsAfterAnEventBasedGatewayAndReceiveTasksAlsoContinueAsynchronouslyAndGetTheirOutcome() {
    assertThat(definition("GatewayCaller").findActivity("GwAwait").isAsyncAfter()).isTrue();
    assertThat(definition("GatewayCaller").findActivity("GwTimeout").isAsyncAfter()).isFalse();
    assertThat(definition("ReceiveTaskCaller").findActivity("RtAwait").isAsyncAfter()).isTrue();
    Map<String, Object> vars = Map.of("lastName", "Hopper", "connection", BulkTestOrg.CONNECTION);
    ProcessInstance gateway =
        engine.getRuntimeService().startProcessInstanceByKey("GatewayCaller", vars);
    ProcessInstance receive =
        engine.getRuntimeService().startProcessInstanceByKey("ReceiveTaskCaller", vars);
    driver.flush();
    driver.drainBulk(sf, POLL);

    assertThat(gateway).isEnded().hasPassed("GwWritten").hasNotPassed("GwTimedOut");
    assertThat(receive).isEnded().hasPassed("RtWritten");
    assertThat(sf.records("Lead")).hasSize(2);
    assertThat(driver.failures()).isEmpty();
  }

  @Test
  void anInstanceFailingAfterItsOutcomeDoesNotHoldBackTheOthersOfItsBatch() {
    ProcessInstance first = start("Ada", "await");
    ProcessInstance failing = start("Broken", "failAfter");
    ProcessInstance last = start("Grace", "await");
    driver.flush();
    driver.drainBulk(sf, POLL);
    exhaustRetries();

    assertThat(driver.activeBulkRuns()).isZero();
    assertThat(first).isEnded();
    assertThat(last).isEnded();
    assertThat(sf.records("Lead")).hasSize(3);
    assertThat(failing).isActive();
    assertThat((String) engine.getRuntimeService().getVariable(failing.getId(), "recordId"))
        .startsWith("00Q");
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list();
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getProcessInstanceId()).isEqualTo(failing.getId());
              assertThat(i.getActivityId()).isEqualTo("AwaitOutcome");
              assertThat(i.getIncidentMessage()).contains("noSuchBean");
            });
  }

  @Test
  void anOutcomeWhoseInstanceIsNotWaitingRaisesAnIncidentNamingItAndARetryDeliversItOnceItWaits() {
    ProcessInstance onTime = start("OnTime", "await");
    ProcessInstance late = start("Late", "late");
    driver.flush();
    for (int round = 0; round < 100 && incidents().isEmpty(); round++) {
      driver.runDueJobs();
      BulkTestOrg.awaitJobsSettled(sf, Duration.ofSeconds(30));
      JobDriver.advance(POLL);
    }

    assertThat(onTime).isEnded();
    assertThat(incidents())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getActivityId()).isEqualTo("DeliverLate");
              assertThat(i.getIncidentMessage())
                  .contains("1 bulk outcome found no waiting instance")
                  .contains("process instance " + late.getId());
            });
    assertThat(late).isWaitingAt("Hold");

    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(late.getId())
                .singleResult()
                .getId());
    Job deliverLate = engine.getManagementService().createJobQuery().withException().singleResult();
    engine.getManagementService().setJobRetries(deliverLate.getId(), 1);
    JobDriver.advance(Duration.ofMinutes(1)); // past the due date the last failed attempt set
    driver.runDueJobs();

    assertThat(driver.activeBulkRuns()).isZero();
    assertThat(late).isEnded();
    assertThat(incidents()).isEmpty();
    assertThat(QueueTable.size(engine)).isZero();
  }

  @Test
  void aMicroBatchRecordRestWouldRefuseIsRefusedAtItsTaskWithRestsErrorAndQueuesNothing() {
    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "MicroBatchCaller",
                        Map.of("lastName", "", "connection", BulkTestOrg.CONNECTION)))
        .hasMessageContaining("Missing last_name value")
        .hasMessageContaining("status 400");
    assertThat(QueueTable.size(engine)).isZero();
    assertThat(sf.stats().totalApiCalls()).isZero();
  }

  private ProcessInstance start(String lastName, String variant) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            CALLER,
            Map.of("lastName", lastName, "variant", variant, "connection", BulkTestOrg.CONNECTION));
  }

  /** Runs failing jobs until their retries are spent (the engine default: 3, no delay). */
  private void exhaustRetries() {
    ManagementService m = engine.getManagementService();
    for (int round = 0; round < 10 && m.createJobQuery().withRetriesLeft().count() > 0; round++) {
      driver.runDueJobs();
      JobDriver.advance(Duration.ofMinutes(10));
    }
  }

  private List<Incident> incidents() {
    return engine.getRuntimeService().createIncidentQuery().list();
  }

  private ProcessDefinitionEntity definition(String key) {
    String id =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult()
            .getId();
    return (ProcessDefinitionEntity)
        ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
  }
}
