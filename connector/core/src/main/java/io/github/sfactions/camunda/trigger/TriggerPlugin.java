package io.github.sfactions.camunda.trigger;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Checks every trigger ({@code language="segment"} condition of a conditional start event) at
 * deployment ({@link TriggerValidation}), for engines without the Spring Boot starter (whose intake
 * plugin does the same):
 *
 * <pre>{@code
 * <plugin>
 *   <class>io.github.sfactions.camunda.trigger.TriggerPlugin</class>
 * </plugin>
 * }</pre>
 *
 * <p>The trigger language itself needs no plugin: {@link TriggerScriptEngineFactory} is found
 * through {@code META-INF/services/javax.script.ScriptEngineFactory}.
 */
public class TriggerPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TriggerValidation.register(configuration);
  }
}
