package io.github.sfactions.camunda.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.camunda.trigger.impl.EventJson;
import io.github.sfactions.camunda.trigger.impl.SpinNodes;
import java.util.regex.Pattern;

/**
 * Expression helpers for event mappings, a Spring bean named {@value #BEAN_NAME}:
 *
 * <pre>{@code
 * ${segment.coalesce(event, 'traits.email', 'properties.email')}   the first path that has a value
 * ${segment.traitOrProperty(event, 'last_name')}                   traits.last_name, else properties.last_name
 * ${segment.address(event, 'city')}                                traits.address.city, else properties.address.city
 * ${segment.value(event, 'context.ip')}                            one path
 * }</pre>
 *
 * <p>These are the default mappings of Segment's Salesforce actions ("T/P" and "addr." in its
 * docs). A path is dot-separated field names, optionally starting with {@code $.}; a missing field
 * or JSON null counts as no value and gives {@code null}. Text, numbers and booleans come back as
 * Java values, objects and arrays as Spin JSON.
 */
public class SegmentFunctions {

  /** The bean name expressions use. */
  public static final String BEAN_NAME = "segment";

  private static final Pattern DOT = Pattern.compile("\\.");

  /** The value at the path, or null. */
  public Object value(Object event, String path) {
    return toValue(at(EventJson.toNode(event), path));
  }

  /** The value of the first path that has one, or null. */
  public Object coalesce(Object event, String first, String second) {
    return coalesceOf(event, first, second);
  }

  /** The value of the first path that has one, or null. */
  public Object coalesce(Object event, String first, String second, String third) {
    return coalesceOf(event, first, second, third);
  }

  /** {@code traits.<name>} when it has a value, else {@code properties.<name>}. */
  public Object traitOrProperty(Object event, String name) {
    return coalesceOf(event, "traits." + name, "properties." + name);
  }

  /** {@code traits.address.<name>} when it has a value, else {@code properties.address.<name>}. */
  public Object address(Object event, String name) {
    return coalesceOf(event, "traits.address." + name, "properties.address." + name);
  }

  private static Object coalesceOf(Object event, String... paths) {
    JsonNode root = EventJson.toNode(event);
    for (String path : paths) {
      JsonNode node = at(root, path);
      if (node != null) {
        return toValue(node);
      }
    }
    return null;
  }

  /** The node at a path, null when missing or JSON null. */
  private static JsonNode at(JsonNode root, String path) {
    String p = path.startsWith("$.") ? path.substring(2) : path;
    JsonNode node = root;
    for (String segment : DOT.split(p)) {
      if (node == null) {
        return null;
      }
      node =
          node.isArray() && segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()
              ? node.get(Integer.parseInt(segment))
              : node.get(segment);
    }
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  private static Object toValue(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return SpinNodes.wrap(node);
  }
}
