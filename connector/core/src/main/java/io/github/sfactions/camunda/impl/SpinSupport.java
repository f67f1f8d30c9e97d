package io.github.sfactions.camunda.impl;

/**
 * Spin is optional: this class answers whether it is on the classpath and keeps every Spin type
 * reference in {@link SpinJson}, which is loaded only when it is. So the connectors work in engines
 * without Spin.
 */
public final class SpinSupport {

  private static final boolean PRESENT = isPresent("org.camunda.spin.json.SpinJsonNode");

  private SpinSupport() {}

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, SpinSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** True when camunda-spin-core is on the classpath. */
  public static boolean isPresent() {
    return PRESENT;
  }

  /** True when the value is a Spin JSON node. */
  public static boolean isSpinJson(Object value) {
    return PRESENT && value != null && SpinJson.isNode(value);
  }

  /** The JSON text of a Spin JSON node. */
  public static String toJson(Object spinNode) {
    return SpinJson.toJson(spinNode);
  }

  /** A Spin JSON node for the text, or empty when Spin or its JSON data format is missing. */
  public static java.util.Optional<Object> parse(String json) {
    if (!PRESENT) {
      return java.util.Optional.empty();
    }
    return SpinJson.parse(json);
  }
}
