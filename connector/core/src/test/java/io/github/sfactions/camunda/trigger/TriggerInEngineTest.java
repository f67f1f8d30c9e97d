package io.github.sfactions.camunda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Triggers as conditions of conditional start events in a real engine (no Spring): who starts, bad
 * syntax.
 */
class TriggerInEngineTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:trigger-in-engine;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("trigger-in-engine");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.getProcessEnginePlugins().add(new TriggerPlugin());
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    engine = configuration.buildProcessEngine();
    deploy("on-identify", "type = \"identify\"");
    deploy("on-order", "type = \"track\" and event = \"Order Completed\"");
    deploy("on-any-track", "type = \"track\"");
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void everyProcessWhoseTriggerMatchesStarts() {
    assertThat(start("{\"type\": \"track\", \"event\": \"Order Completed\", \"userId\": \"u\"}"))
        .containsExactlyInAnyOrder("on-order", "on-any-track");
    assertThat(start("{\"type\": \"identify\", \"userId\": \"u\"}")).containsExactly("on-identify");
    assertThat(start("{\"type\": \"page\", \"userId\": \"u\"}")).isEmpty();
  }

  @Test
  void aTriggerThatDoesNotParseFailsTheDeploymentNamingStartEventAndColumn() {
    assertThatThrownBy(() -> deploy("on-bad", "type = \"track\" and and"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Start event 'Start'")
        .hasMessageContaining("column 20");
  }

  private static List<String> start(String event) {
    return engine
        .getRuntimeService()
        .createConditionEvaluation()
        .setVariable("event", SpinValues.jsonValue(event).create())
        .evaluateStartConditions()
        .stream()
        .map(ProcessInstance::getProcessDefinitionId)
        .map(id -> engine.getRepositoryService().getProcessDefinition(id).getKey())
        .toList();
  }

  private static void deploy(String key, String trigger) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addString(key + ".bpmn", TriggeredProcess.xml(key, trigger, TriggeredProcess.WAIT))
        .deploy();
  }
}
