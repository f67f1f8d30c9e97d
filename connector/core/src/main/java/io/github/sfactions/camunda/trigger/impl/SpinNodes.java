package io.github.sfactions.camunda.trigger.impl;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Spin JSON access, in a class of its own so that nothing loads Spin's classes when Spin is absent.
 */
public final class SpinNodes {

  private SpinNodes() {}

  /** True for a Spin JSON node. */
  public static boolean isSpin(Object value) {
    return value instanceof SpinJsonNode;
  }

  /** The Jackson node inside a Spin JSON node. */
  public static JsonNode unwrap(Object spin) {
    Object inner = ((SpinJsonNode) spin).unwrap();
    if (inner instanceof JsonNode node) {
      return node;
    }
    throw new IllegalArgumentException(
        "Spin JSON node without a Jackson node inside: " + inner.getClass().getName());
  }

  /** Wraps a Jackson node as Spin JSON. */
  public static SpinJsonNode wrap(JsonNode node) {
    return Spin.JSON(node);
  }
}
