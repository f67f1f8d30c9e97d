package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.camunda.trigger.JsonElResolver;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring expression manager plus {@link JsonElResolver} (asked first, for JSON bases).
 * Every bean of the application context is visible, and so are the beans process engine plugins put
 * into the engine configuration's {@code beans} map.
 */
public final class JsonExpressionManager extends SpringExpressionManager {

  private final Supplier<Map<Object, Object>> engineBeans;

  /**
   * A manager for this application context; {@code engineBeans} supplies the configuration's
   * current beans map.
   */
  public JsonExpressionManager(
      ApplicationContext applicationContext, Supplier<Map<Object, Object>> engineBeans) {
    super(applicationContext, null);
    this.engineBeans = engineBeans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new JsonElResolver());
    resolver.add(super.createElResolver());
    resolver.add(new EngineBeansElResolver(engineBeans));
    return resolver;
  }
}
