package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The user's engine property wins over the Salesforce default of
 * enableExceptionsAfterUnhandledBpmnError.
 */
@SpringBootTest(
    classes = SpringTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.auto-deployment-enabled=false",
      "camunda.bpm.generic-properties.properties.enable-exceptions-after-unhandled-bpmn-error=false"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SalesforceEngineDefaultsOverrideTest {

  @Autowired private ProcessEngine processEngine;

  @Autowired private SalesforceEngineDefaultsPlugin defaultsPlugin;

  @Test
  void aGenericPropertySetByTheUserWinsOverTheDefault() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    // the defaults plugin did run on this engine, yet the user's property won
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    configuration
        .getProcessEnginePlugins()
        .forEach(
            plugin ->
                plugins.addAll(
                    plugin instanceof CompositeProcessEnginePlugin composite
                        ? composite.getPlugins()
                        : List.of(plugin)));
    assertThat(plugins).contains(defaultsPlugin);
    assertThat(configuration.isEnableExceptionsAfterUnhandledBpmnError()).isFalse();
  }
}
