package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.emulator.SalesforceEmulator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frame of the tests that run bulk processes on one of {@link BulkEngines}' engines: the engine's
 * {@code @Deployment} handling, a fresh emulator org and a job driver per test, and the engine
 * clock reset after each test (the tests move it over timers).
 */
public abstract class BulkProcessTestSupport {

  @RegisterExtension protected final ProcessEngineExtension extension;

  protected final ProcessEngine engine;
  protected SalesforceEmulator sf;
  protected JobDriver driver;

  protected BulkProcessTestSupport(ProcessEngine engine) {
    this.engine = engine;
    this.extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }

  @BeforeEach
  void startWithAFreshOrg() {
    BpmnAwareTests.init(engine);
    sf = BulkTestOrg.fresh();
    driver = new JobDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }
}
