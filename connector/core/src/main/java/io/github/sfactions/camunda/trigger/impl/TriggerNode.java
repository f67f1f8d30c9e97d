package io.github.sfactions.camunda.trigger.impl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One node of a parsed trigger. Evaluates to a trigger value: {@code null}, {@link String}, {@link
 * java.math.BigDecimal}, {@link Boolean}, or a {@link JsonNode} for objects and arrays.
 */
@FunctionalInterface
public interface TriggerNode {

  /** The node's value for this event. */
  Object evaluate(JsonNode event);
}
