package io.github.sfactions.spring.intake.impl;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves top-level names from the engine configuration's {@code beans} map, read at evaluation
 * time: process engine plugins may add to that map during their {@code preInit} (after the
 * expression manager was made), and a Spring expression manager built with a null map would
 * otherwise never see those beans.
 */
final class EngineBeansElResolver extends ELResolver {

  private final Supplier<Map<Object, Object>> beans;

  EngineBeansElResolver(Supplier<Map<Object, Object>> beans) {
    this.beans = beans;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Map<Object, Object> map = beans.get();
    if (base == null && map != null && map.containsKey(property)) {
      context.setPropertyResolved(true);
      return map.get(property);
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    Map<Object, Object> map = beans.get();
    if (base == null && map != null && map.containsKey(property)) {
      throw new PropertyNotWritableException(
          "Engine bean " + property + " cannot be replaced in an expression");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? Object.class : null;
  }
}
