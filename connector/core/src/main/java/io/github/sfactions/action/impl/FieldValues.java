package io.github.sfactions.action.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.StandardField;
import io.github.sfactions.client.JsNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Brings standard field values to their declared type the way Segment's schema coercion does:
 * numbers and booleans given for a string field become their text, a numeric text given for {@code
 * NumberOfEmployees} becomes an integer. Values that cannot be coerced are rejected with a 400.
 */
public final class FieldValues {

  private FieldValues() {}

  /** The value coerced to the field's type; null stays null. */
  public static Object coerce(StandardField field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?>
        || value instanceof Collection<?>
        || value.getClass().isArray()) {
      throw invalid(field, value);
    }
    return field.integer() ? toInteger(field, value) : toText(value);
  }

  private static Object toInteger(StandardField field, Object value) {
    if (value instanceof String s) {
      if (s.isEmpty()) {
        return s;
      }
      try {
        return new BigDecimal(s.trim()).toBigIntegerExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(field, value);
      }
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).toBigIntegerExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(field, value);
      }
    }
    throw invalid(field, value);
  }

  private static Object toText(Object value) {
    if (value instanceof String) {
      return value;
    }
    if (value instanceof Number n) {
      return JsNumbers.format(n);
    }
    return value.toString();
  }

  private static ActionException invalid(StandardField field, Object value) {
    String expected = field.integer() ? "an integer" : "a string";
    return new ActionException(
        field.name() + " must be " + expected + " (got " + JsTruthiness.typeOf(value) + ")",
        ActionMessages.CODE_PAYLOAD_VALIDATION,
        ActionMessages.STATUS_BAD_REQUEST);
  }
}
