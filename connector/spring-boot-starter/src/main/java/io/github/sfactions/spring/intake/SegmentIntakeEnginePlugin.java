package io.github.sfactions.spring.intake;

import io.github.sfactions.camunda.trigger.TriggerValidation;
import io.github.sfactions.spring.intake.impl.IntakeLogger;
import io.github.sfactions.spring.intake.impl.JsonExpressionManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * Engine additions for event-triggered processes: triggers ({@code language="segment"} conditions
 * on start events) are checked at deployment, and expressions read JSON variables by property
 * ({@code ${event.traits.email}}) by wrapping Camunda's Spring expression manager. With it,
 * expressions see every Spring bean and also the beans other engine plugins add to the
 * configuration's {@code beans} map. A custom expression manager of the application is left alone
 * (then use Spin's {@code prop()} or the {@code segment} bean).
 */
public class SegmentIntakeEnginePlugin implements ProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  /** A plugin for the engine of this application context. */
  public SegmentIntakeEnginePlugin(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TriggerValidation.register(configuration);
    ExpressionManager current = configuration.getExpressionManager();
    if (current == null || current.getClass() == SpringExpressionManager.class) {
      configuration.setExpressionManager(
          new JsonExpressionManager(applicationContext, configuration::getBeans));
    } else {
      IntakeLogger.ownExpressionManager(current.getClass());
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // nothing after init
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing once built
  }
}
