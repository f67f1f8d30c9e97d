package io.github.sfactions.camunda.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads connector input parameters whatever form the model gives them in: a Java map or list, a Spin JSON value,
 * or a JSON string. Key order is kept (it decides SOQL condition and JSON key order); note that Camunda's
 * {@code <camunda:map>} itself sorts keys, so give order-sensitive maps as JSON.
 */
public final class InputValues {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
  private static final TypeReference<ArrayList<Object>> LIST = new TypeReference<>() { };

  private InputValues() {
  }

  /** The parameter as an ordered map, or null when absent (an empty string counts as absent). */
  public static Map<String, Object> map(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    String json = jsonText(value);
    if (json == null) {
      throw invalid(name, "a map, a JSON object or a Spin JSON object", value);
    }
    if (json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        throw invalid(name, "a JSON object", value);
      }
      return JSON.convertValue(node, MAP);
    } catch (JsonProcessingException e) {
      throw new ActionException(name + " is not valid JSON: " + e.getOriginalMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION, ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  /** The parameter as a list, or null when absent. */
  public static List<Object> list(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    String json = jsonText(value);
    if (json == null) {
      throw invalid(name, "a list, a JSON array or a Spin JSON array", value);
    }
    if (json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isArray()) {
        throw invalid(name, "a JSON array", value);
      }
      return JSON.convertValue(node, LIST);
    } catch (JsonProcessingException e) {
      throw new ActionException(name + " is not valid JSON: " + e.getOriginalMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION, ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  /** The parameter as text (numbers and booleans in their usual form), or null when absent or empty. */
  public static String text(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    throw invalid(name, "a string", value);
  }

  /** The parameter as a boolean ({@code true}/{@code false} text accepted), or null when absent or empty. */
  public static Boolean bool(String name, Object value) {
    if (value == null || "".equals(value)) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    throw invalid(name, "a boolean", value);
  }

  /** The parameter as an int, or null when absent or empty. */
  public static Integer integer(String name, Object value) {
    if (value == null || "".equals(value)) {
      return null;
    }
    try {
      if (value instanceof Number n) {
        return new BigDecimal(n.toString()).intValueExact();
      }
      if (value instanceof String s) {
        return new BigDecimal(s.trim()).intValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(name, "an integer", value);
    }
    throw invalid(name, "an integer", value);
  }

  /** A standard field value: Spin or Jackson JSON values become plain Java values, others stay as they are. */
  public static Object plain(Object value) {
    if (SpinSupport.isSpinJson(value)) {
      return fromJson(SpinSupport.toJson(value));
    }
    if (value instanceof JsonNode node) {
      return JSON.convertValue(node, Object.class);
    }
    return value;
  }

  private static Object fromJson(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Spin produced invalid JSON", e);
    }
  }

  private static String jsonText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (SpinSupport.isSpinJson(value)) {
      return SpinSupport.toJson(value);
    }
    if (value instanceof JsonNode node) {
      return node.toString();
    }
    return null;
  }

  private static ActionException invalid(String name, String expected, Object value) {
    return new ActionException("Input " + name + " must be " + expected + " (got "
        + value.getClass().getSimpleName() + ")", ActionMessages.CODE_PAYLOAD_VALIDATION,
        ActionMessages.STATUS_BAD_REQUEST);
  }
}
