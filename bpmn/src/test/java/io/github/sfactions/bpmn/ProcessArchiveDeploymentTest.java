package io.github.sfactions.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.application.impl.EmbeddedProcessApplication;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The jar's {@code META-INF/processes.xml}: a process application deploys the reusable processes into the
 * default engine once, and again only when a file changed.
 */
class ProcessArchiveDeploymentTest {

  @Test
  void aProcessApplicationDeploysTheReusableProcessesOnceAndKeepsThemWhenItStops() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("default")
        .setJdbcUrl("jdbc:h2:mem:sfactions-bpmn-archive;DB_CLOSE_DELAY=1000")
        .setJobExecutorActivate(false);
    config.setProcessEnginePlugins(List.of(new ConnectProcessEnginePlugin()));
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

      List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
          .orderByProcessDefinitionKey().asc().list();
      assertThat(definitions).extracting(ProcessDefinition::getKey)
          .contains(SyncRecordProcess.PROCESS_KEY, SyncRecordProcess.RESOLVE_PROCESS_KEY);
      assertThat(definitions).filteredOn(d -> d.getKey().startsWith(SyncRecordProcess.PROCESS_KEY))
          .extracting(ProcessDefinition::getVersion).containsOnly(1);
      assertThat(definitions).extracting(ProcessDefinition::getHistoryTimeToLive).doesNotContainNull();
    } finally {
      container.unregisterProcessEngine(engine);
      engine.close();
    }
  }
}
