package io.github.sfactions.camunda.trigger.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Operations on trigger values (see {@link TriggerNode}): path lookup, comparison and the
 * functions.
 */
final class TriggerValues {

  private TriggerValues() {}

  /** The value at the path, or null when any segment is missing. */
  static Object at(JsonNode event, List<String> path) {
    JsonNode node = event;
    for (String segment : path) {
      if (node == null) {
        return null;
      }
      node =
          node.isArray() && isIndex(segment)
              ? node.get(Integer.parseInt(segment))
              : node.get(segment);
    }
    return of(node);
  }

  /** A JSON node as a trigger value. */
  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node;
  }

  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }

  static boolean equal(Object a, Object b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null && (a instanceof BigDecimal || b instanceof BigDecimal)) {
      return na.compareTo(nb) == 0;
    }
    return Objects.equals(a, b);
  }

  /** Compares two values as numbers; null when either is not a number. */
  static Integer compare(Object a, Object b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    return na == null || nb == null ? null : na.compareTo(nb);
  }

  static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof String s && item != null && !(item instanceof JsonNode)) {
      return s.contains(text(item));
    }
    if (container instanceof JsonNode array && array.isArray()) {
      for (JsonNode element : array) {
        if (equal(of(element), item)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean matchesGlob(Object value, Object glob) {
    if (!(value instanceof String s) || !(glob instanceof String g)) {
      return false;
    }
    return globPattern(g).matcher(s).matches();
  }

  static Pattern globPattern(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  static Object lowercase(Object value) {
    return value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
  }

  static Object uppercase(Object value) {
    return value instanceof String s ? s.toUpperCase(Locale.ROOT) : value;
  }

  static Object length(Object value) {
    if (value instanceof String s) {
      return BigDecimal.valueOf(s.codePointCount(0, s.length()));
    }
    if (value instanceof JsonNode node) {
      return BigDecimal.valueOf(node.size());
    }
    return null;
  }

  private static String text(Object value) {
    return value instanceof BigDecimal d
        ? d.stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty()
        && segment.length() < 10
        && segment.chars().allMatch(Character::isDigit);
  }
}
