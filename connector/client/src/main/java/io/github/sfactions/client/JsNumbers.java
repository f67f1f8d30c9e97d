package io.github.sfactions.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Number text as ECMAScript's {@code Number::toString} writes it ({@code 2}, {@code 3.5}, {@code
 * 1e+21}, {@code 1.5e-7}, {@code NaN}, {@code Infinity}, {@code 0} for {@code -0}), so SOQL
 * literals, CSV cells, external ids and text fields match the reference byte for byte. The one
 * place this rule lives.
 *
 * <p>Doubles and floats are written with their shortest round-trip digits, as JavaScript does.
 * Integer types and {@link BigDecimal} keep every digit they hold (a JavaScript number would round
 * beyond 2<sup>53</sup>; we do not lose a user's digits), laid out like JavaScript: plain from
 * 10<sup>-6</sup> up to below 10<sup>21</sup>, exponential outside.
 */
public final class JsNumbers {

  private static final BigDecimal PLAIN_UPPER = new BigDecimal("1e21");
  private static final BigDecimal PLAIN_LOWER = new BigDecimal("1e-6");

  private JsNumbers() {}

  /** The number as JavaScript's {@code String(n)} writes it. */
  public static String format(Number n) {
    if (n instanceof Integer
        || n instanceof Long
        || n instanceof Short
        || n instanceof Byte
        || n instanceof AtomicInteger
        || n instanceof AtomicLong) {
      return n.toString();
    }
    if (n instanceof BigInteger bi) {
      return layout(new BigDecimal(bi));
    }
    if (n instanceof BigDecimal bd) {
      return layout(bd);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return layout(shortest(d, n instanceof Float));
  }

  /** False for NaN and the infinities, which have no SOQL or CSV form. */
  public static boolean isFinite(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return Double.isFinite(n.doubleValue());
    }
    return true;
  }

  /**
   * The fewest digits that read back as the same double (or float, so 0.1f stays "0.1" rather than
   * the widened double's 0.10000000149011612); of those, the closest to the value. Java 17's
   * Double.toString is not always shortest (4.9E-324 for JavaScript's 5e-324), so the digits are
   * searched instead.
   */
  private static BigDecimal shortest(double d, boolean isFloat) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (isFloat ? rounded.floatValue() == (float) d : rounded.doubleValue() == d) {
        return rounded;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static String layout(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigDecimal abs = stripped.abs();
    if (abs.compareTo(PLAIN_UPPER) < 0 && abs.compareTo(PLAIN_LOWER) >= 0) {
      return stripped.toPlainString();
    }
    String digits = stripped.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - stripped.scale();
    StringBuilder sb = new StringBuilder();
    if (stripped.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exponent >= 0 ? "+" : "-").append(Math.abs(exponent)).toString();
  }
}
