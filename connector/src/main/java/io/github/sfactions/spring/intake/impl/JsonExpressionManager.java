package io.github.sfactions.spring.intake.impl;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/** Camunda's Spring expression manager plus {@link JsonElResolver}, asked first for JSON bases. */
public final class JsonExpressionManager extends SpringExpressionManager {

  /** A manager resolving beans of this context (all, or only {@code beans} when given). */
  public JsonExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
    super(applicationContext, beans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new JsonElResolver());
    resolver.add(super.createElResolver());
    return resolver;
  }
}
