package io.github.sfactions.client.impl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Formats numbers as JavaScript's {@code Number.prototype.toString} does ({@code 2}, {@code 3.5}, {@code 1e+21},
 * {@code 1.5e-7}), so SOQL literals and CSV cells match the reference byte for byte.
 */
public final class JsNumbers {

    private static final BigDecimal PLAIN_UPPER = new BigDecimal("1e21");
    private static final BigDecimal PLAIN_LOWER = new BigDecimal("1e-6");

    private JsNumbers() {
    }

    /**
     * @throws IllegalArgumentException for NaN and infinities
     */
    public static String format(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.toString();
        }
        if (n instanceof BigDecimal bd) {
            return bd.signum() == 0 ? "0" : bd.stripTrailingZeros().toPlainString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + n);
        }
        if (d == 0) {
            return "0";
        }
        // Float.toString keeps 0.1f as "0.1" instead of the widened double's 0.10000000149011612.
        String shortest = n instanceof Float f ? Float.toString(f) : Double.toString(d);
        BigDecimal value = new BigDecimal(shortest).stripTrailingZeros();
        BigDecimal abs = value.abs();
        if (abs.compareTo(PLAIN_UPPER) < 0 && abs.compareTo(PLAIN_LOWER) >= 0) {
            return value.toPlainString();
        }
        return exponential(value);
    }

    private static String exponential(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        StringBuilder sb = new StringBuilder();
        if (value.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent >= 0 ? "+" : "-").append(Math.abs(exponent)).toString();
    }
}
