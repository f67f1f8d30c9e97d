package io.github.sfactions.camunda.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.camunda.trigger.impl.SpinNodes;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Lets expressions read JSON by property: {@code ${event.traits.email}} on a Spin JSON (or Jackson)
 * variable. A field that is missing or JSON null is {@code null}; text, numbers and booleans come
 * back as Java values; objects and arrays as JSON again (so the next {@code .field} works); an
 * array takes numeric indexes ({@code ${event.properties.products[0].sku}}). Read-only. Methods of
 * Spin nodes ({@code prop()}, {@code jsonPath()}) keep working.
 */
public final class JsonElResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    JsonNode node = asNode(base);
    if (node == null || property == null) {
      return null;
    }
    context.setPropertyResolved(true);
    JsonNode child = child(node, property);
    if (child == null || child.isNull() || child.isMissingNode()) {
      return null;
    }
    if (child.isTextual()) {
      return child.textValue();
    }
    if (child.isBoolean()) {
      return child.booleanValue();
    }
    if (child.isIntegralNumber() && child.canConvertToLong()) {
      return child.longValue();
    }
    if (child.isNumber()) {
      return child.decimalValue();
    }
    return base instanceof JsonNode ? child : SpinNodes.wrap(child);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (asNode(base) == null) {
      return null;
    }
    context.setPropertyResolved(true);
    return Object.class;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (asNode(base) != null) {
      throw new PropertyNotWritableException(
          "JSON variables are read-only in expressions; set the variable " + "instead");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (asNode(base) == null) {
      return false;
    }
    context.setPropertyResolved(true);
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return asNode(base) == null ? null : Object.class;
  }

  private static JsonNode child(JsonNode node, Object property) {
    if (node.isArray()) {
      try {
        int index =
            property instanceof Number n ? n.intValue() : Integer.parseInt(property.toString());
        return node.get(index);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return node.get(property.toString());
  }

  private static JsonNode asNode(Object base) {
    if (base instanceof JsonNode node) {
      return node;
    }
    if (base != null && SpinNodes.isSpin(base)) {
      return SpinNodes.unwrap(base);
    }
    return null;
  }
}
