package io.github.sfactions.camunda.trigger.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Turns the forms an event variable can take (Spin JSON, Jackson node, Map, JSON text) into a
 * Jackson node.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final boolean SPIN_PRESENT = isPresent("org.camunda.spin.json.SpinJsonNode");

  private EventJson() {}

  /**
   * The event as a Jackson node.
   *
   * @throws IllegalArgumentException when the value is none of the supported forms
   */
  public static JsonNode toNode(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (SPIN_PRESENT && SpinNodes.isSpin(value)) {
      return SpinNodes.unwrap(value);
    }
    if (value instanceof Map<?, ?> map) {
      return MAPPER.valueToTree(map);
    }
    if (value instanceof String text) {
      try {
        return MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "the event variable is text but not JSON: " + e.getOriginalMessage());
      }
    }
    throw new IllegalArgumentException(
        "the event variable is a "
            + value.getClass().getName()
            + "; expected Spin JSON, a Map or JSON text");
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, EventJson.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
