package io.github.sfactions.bpmn;

import io.github.sfactions.emulator.SalesforceEmulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frame of the "Sync one record" tests: the engine of {@code camunda.cfg.xml} with its
 * {@code @Deployment} handling, the shared emulator reset before each test, and a {@link
 * SyncCaller} deployed per test that calls the process under test.
 */
abstract class SyncProcessTestSupport {

  static final SalesforceEmulator ORG = TestSalesforce.get();

  // an instance field: a static extension shared by all subclasses would be torn down after the
  // first class
  @RegisterExtension
  protected final ProcessEngineExtension engineExtension =
      ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

  protected ProcessEngine engine;
  private final String calledProcessKey;
  private String callerDeployment;

  protected SyncProcessTestSupport(String calledProcessKey) {
    this.calledProcessKey = calledProcessKey;
  }

  @BeforeEach
  void deployTheCaller() {
    engine = engineExtension.getProcessEngine();
    BpmnAwareTests.init(engine);
    TestSalesforce.fresh();
    deployCaller(SyncCaller.model(calledProcessKey));
  }

  @AfterEach
  void removeTheCaller() {
    engine.getRepositoryService().deleteDeployment(callerDeployment, true);
  }

  /** Replaces the caller with this model. */
  protected void deployCaller(BpmnModelInstance caller) {
    if (callerDeployment != null) {
      engine.getRepositoryService().deleteDeployment(callerDeployment, true);
    }
    callerDeployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("sync-caller.bpmn", caller)
            .deploy()
            .getId();
  }
}
