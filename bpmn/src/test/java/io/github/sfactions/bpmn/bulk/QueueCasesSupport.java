package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Frame of queue tests on an engine of their own: deploys the bulk ingest process (and the test's
 * callers) before each test, with a fresh emulator org and job driver, and removes the deployment,
 * resets the clock and clears {@link #LOG} after it.
 */
abstract class QueueCasesSupport {

  /** Where lean callers record their outcomes (the engines' {@code outcomeLog} bean). */
  static final OutcomeLog LOG = new OutcomeLog();

  protected final ProcessEngine engine;
  protected SalesforceEmulator sf;
  protected JobDriver driver;
  private final String[] callers;
  private Deployment deployment;

  QueueCasesSupport(ProcessEngine engine, String... callers) {
    this.engine = engine;
    this.callers = callers;
  }

  @BeforeEach
  void deploy() {
    DeploymentBuilder builder =
        engine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource(BulkIngestProcessCases.INGEST);
    for (String caller : callers) {
      builder.addClasspathResource(caller);
    }
    deployment = builder.deploy();
    sf = BulkTestOrg.fresh();
    driver = new JobDriver(engine);
  }

  /** Records processed by each of the emulator's bulk jobs so far, oldest job first. */
  protected List<Long> jobSizes() {
    return BulkTestOrg.jobs(sf).stream().map(j -> j.path("recordsProcessed").asLong()).toList();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    ClockUtil.reset();
    LOG.clear();
  }
}
