package io.github.sfactions.camunda.impl;

import java.util.Optional;
import org.camunda.spin.DataFormats;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The only class that touches Spin types; loaded only after {@link SpinSupport} has seen Spin on
 * the classpath.
 */
final class SpinJson {

  private SpinJson() {}

  static boolean isNode(Object value) {
    return value instanceof SpinJsonNode;
  }

  static String toJson(Object node) {
    return ((SpinJsonNode) node).toString();
  }

  static Optional<Object> parse(String json) {
    try {
      DataFormats.json();
      return Optional.of(Spin.JSON(json));
    } catch (RuntimeException | LinkageError noJsonDataFormat) {
      // spin-core without a JSON data format: callers fall back to a JSON string
      return Optional.empty();
    }
  }
}
