package io.github.sfactions.action.impl;

import java.math.BigDecimal;

/** Formats numbers the way JavaScript's {@code String(n)} does for the values users send: {@code 2}, {@code 3.5}, never {@code 2.0}. */
public final class NumberText {

  private NumberText() {
  }

  /** The number as JavaScript text (integers without a fraction, decimals without trailing zeros). */
  public static String format(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.isNaN() ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
    }
    if (n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return format(f.doubleValue());
    }
    BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
