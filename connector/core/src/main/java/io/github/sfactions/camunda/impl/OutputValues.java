package io.github.sfactions.camunda.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Makes list outputs storable as process variables with Java serialization disabled. With the Spin
 * plugin active (the engine has Spin's {@code json} variable serializer) a list becomes a Spin JSON
 * node, which an output mapping like {@code ${recordIds}} stores as a {@code json} variable;
 * otherwise it becomes a JSON string.
 */
public final class OutputValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPIN_JSON_SERIALIZER = "json";

  private OutputValues() {}

  /** The value as Spin JSON when the engine can store that, else as JSON text. */
  public static Object json(Object value) {
    String text = jsonText(value);
    if (SpinSupport.isPresent() && engineStoresSpinJson()) {
      return SpinSupport.parse(text).orElse(text);
    }
    return text;
  }

  /** The value as JSON text. */
  public static String jsonText(Object value) {
    try {
      return JSON.writeValueAsString(value == null ? List.of() : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Output cannot be written as JSON", e);
    }
  }

  private static boolean engineStoresSpinJson() {
    return ExecutionSupport.engineConfiguration()
        .map(
            c ->
                c.getVariableSerializers() != null
                    && c.getVariableSerializers().getSerializerByName(SPIN_JSON_SERIALIZER) != null)
        .orElse(true);
  }
}
