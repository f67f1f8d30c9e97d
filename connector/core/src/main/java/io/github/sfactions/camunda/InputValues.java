package io.github.sfactions.camunda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.camunda.impl.SpinSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads connector input parameters whatever form the model gives them in: a Java map or list, a
 * Spin JSON value, or a JSON string. Key order is kept (it decides SOQL condition and JSON key
 * order); note that Camunda's {@code <camunda:map>} itself sorts keys, so give order-sensitive maps
 * as JSON.
 */
public final class InputValues {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<ArrayList<Object>> LIST = new TypeReference<>() {};
  private static final Shape<Map<String, Object>> OBJECT =
      new Shape<>(
          "a map, a JSON object or a Spin JSON object",
          "a JSON object",
          JsonNode::isObject,
          InputValues::copyOfMap,
          node -> JSON.convertValue(node, MAP));
  private static final Shape<List<Object>> ARRAY =
      new Shape<>(
          "a list, a JSON array or a Spin JSON array",
          "a JSON array",
          JsonNode::isArray,
          InputValues::copyOfList,
          node -> JSON.convertValue(node, LIST));

  private InputValues() {}

  /** The parameter as an ordered map, or null when absent (an empty string counts as absent). */
  public static Map<String, Object> map(String name, Object value) {
    return structured(name, value, OBJECT);
  }

  /** The parameter as a list, or null when absent (an empty string counts as absent). */
  public static List<Object> list(String name, Object value) {
    return structured(name, value, ARRAY);
  }

  /**
   * Reads a map or list parameter: a Java value of the shape is copied (its Spin values made
   * plain), text and Spin or Jackson JSON are parsed and must be of the shape's JSON kind. Empty
   * text and JSON {@code null} are absent.
   */
  private static <T> T structured(String name, Object value, Shape<T> shape) {
    if (value == null) {
      return null;
    }
    T copy = shape.copyOfJava().apply(value);
    if (copy != null) {
      return copy;
    }
    String json = jsonText(value);
    if (json == null) {
      throw invalid(name, shape.accepted(), value);
    }
    if (json.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ActionException(
          name + " is not valid JSON: " + e.getOriginalMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (node == null || node.isNull()) {
      return null;
    }
    if (!shape.isKind().test(node)) {
      throw invalid(name, shape.jsonKind(), value);
    }
    return shape.fromJson().apply(node);
  }

  private static Map<String, Object> copyOfMap(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
    return copy;
  }

  private static List<Object> copyOfList(Object value) {
    if (!(value instanceof List<?> l)) {
      return null;
    }
    List<Object> copy = new ArrayList<>();
    l.forEach(v -> copy.add(plain(v)));
    return copy;
  }

  /**
   * The parameter as text (numbers and booleans in their usual form), or null when absent or empty.
   */
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

  /**
   * The parameter as text like {@link #text(String, Object)}, but an empty string stays empty: for
   * inputs where "given without a value" is its own case (an empty {@code syncMode} is the
   * reference's "Sync mode is required").
   */
  public static String textKeepingEmpty(String name, Object value) {
    return "".equals(value) ? "" : text(name, value);
  }

  /**
   * The parameter as a boolean ({@code true}/{@code false} text accepted), or null when absent or
   * empty.
   */
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

  /**
   * A standard field value: Spin or Jackson JSON values become plain Java values, others stay as
   * they are.
   */
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
    return new ActionException(
        "Input "
            + name
            + " must be "
            + expected
            + " (got "
            + value.getClass().getSimpleName()
            + ")",
        ActionMessages.CODE_PAYLOAD_VALIDATION,
        ActionMessages.STATUS_BAD_REQUEST);
  }

  /**
   * A structured parameter kind.
   *
   * @param accepted the forms accepted, for the error message
   * @param jsonKind the JSON kind required, for the error message
   * @param isKind whether parsed JSON is of the kind
   * @param copyOfJava a plain copy of a Java value of the kind, or null when the value is not one
   * @param fromJson converts JSON of the kind
   */
  private record Shape<T>(
      String accepted,
      String jsonKind,
      Predicate<JsonNode> isKind,
      Function<Object, T> copyOfJava,
      Function<JsonNode, T> fromJson) {}
}
