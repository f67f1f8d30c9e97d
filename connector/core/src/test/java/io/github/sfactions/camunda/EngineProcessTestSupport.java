package io.github.sfactions.camunda;

import io.github.sfactions.emulator.SalesforceEmulator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frame of the tests that run connectors in processes: the engine of {@code camunda.cfg.xml} (H2,
 * connections to the {@link SharedOrg} emulator) with its {@code @Deployment} handling, and the
 * emulator reset before each test.
 */
abstract class EngineProcessTestSupport {

  static final SalesforceEmulator ORG = SharedOrg.get();

  // an instance field: a static extension shared by all subclasses would be torn down after the
  // first class
  @RegisterExtension
  protected final ProcessEngineExtension engineExtension =
      ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

  protected RuntimeService runtime;
  protected ManagementService management;

  @BeforeEach
  void startWithAFreshOrg() {
    ProcessEngine engine = engineExtension.getProcessEngine();
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    SharedOrg.fresh();
  }
}
