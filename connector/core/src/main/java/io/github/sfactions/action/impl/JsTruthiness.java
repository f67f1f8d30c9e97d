package io.github.sfactions.action.impl;

import java.math.BigDecimal;

/**
 * JavaScript truthiness, because the reference's required-field and customFields checks use it:
 * null, {@code ''}, {@code 0}, {@code false} and NaN are falsy; everything else (including empty
 * maps) is truthy.
 */
public final class JsTruthiness {

  private JsTruthiness() {}

  /** True when JavaScript would treat the value as truthy. */
  public static boolean isTruthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (value instanceof Double d) {
      return d != 0.0 && !d.isNaN();
    }
    if (value instanceof Float f) {
      return f != 0.0f && !f.isNaN();
    }
    if (value instanceof Number n) {
      return n.longValue() != 0L || n.doubleValue() != 0.0;
    }
    return true;
  }

  /** JavaScript's {@code typeof}: null, maps, lists and other objects all report {@code object}. */
  public static String typeOf(Object value) {
    if (value instanceof String || value instanceof Character) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "object";
  }
}
