package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueues;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.application.impl.EmbeddedProcessApplication;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * The jar's {@code META-INF/processes.xml}: a process application deploys every reusable process
 * (sync and bulk) into the default engine once, and again only when a file changed.
 */
class ProcessArchiveDeploymentTest {

  @Test
  void aProcessApplicationDeploysTheReusableProcessesOnceAndKeepsThemWhenItStops() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("default")
                .setJdbcUrl("jdbc:h2:mem:sfactions-bpmn-archive;DB_CLOSE_DELAY=1000")
                .setJobExecutorActivate(false);
    Optional<BulkQueue> previousQueue = BulkQueues.current();
    BulkIngestPlugin bulk = new BulkIngestPlugin();
    config.setProcessEnginePlugins(List.of(new ConnectProcessEnginePlugin(), bulk));
    ProcessEngine engine = config.buildProcessEngine();
    RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
    container.registerProcessEngine(engine);
    try {
      EmbeddedProcessApplication first = new EmbeddedProcessApplication();
      first.deploy();
      first.undeploy();
      EmbeddedProcessApplication second = new EmbeddedProcessApplication();
      second.deploy();
      second.undeploy();

      List<ProcessDefinition> definitions =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .orderByProcessDefinitionKey()
              .asc()
              .list();
      assertThat(definitions)
          .extracting(ProcessDefinition::getKey)
          .containsExactlyInAnyOrder(
              BulkIngestVariables.AWAIT_PROCESS_KEY,
              BulkIngestVariables.PROCESS_KEY,
              MicroBatchVariables.PROCESS_KEY,
              MicroBatchVariables.AWAIT_PROCESS_KEY,
              MicroBatchVariables.DELIVER_PROCESS_KEY,
              SyncRecordProcess.PROCESS_KEY,
              SyncRecordProcess.RESOLVE_PROCESS_KEY);
      assertThat(definitions).extracting(ProcessDefinition::getVersion).containsOnly(1);
      assertThat(definitions)
          .extracting(ProcessDefinition::getHistoryTimeToLive)
          .doesNotContainNull();
    } finally {
      container.unregisterProcessEngine(engine);
      engine.close();
      // the queue registry is JVM-wide: hand it back to the engine that had it
      bulk.unregister();
      previousQueue.ifPresent(BulkQueues::register);
    }
  }
}
