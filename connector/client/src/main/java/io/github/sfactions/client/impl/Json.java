package io.github.sfactions.client.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The JSON mapper of the client. Maps keep insertion order in request bodies (Jackson's default);
 * floats are read as {@link java.math.BigDecimal} so values survive round trips exactly; java.time
 * values are written as ISO text.
 */
public final class Json {

  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  public static final ObjectMapper MAPPER = createMapper();

  private Json() {}

  private static ObjectMapper createMapper() {
    SimpleModule time = new SimpleModule("sfactions-time");
    time.addSerializer(LocalDate.class, ToStringSerializer.instance);
    time.addSerializer(LocalDateTime.class, ToStringSerializer.instance);
    time.addSerializer(OffsetDateTime.class, ToStringSerializer.instance);
    time.addSerializer(Instant.class, ToStringSerializer.instance);
    return new ObjectMapper()
        .registerModule(time)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  public static RequestBody body(Object value) {
    try {
      return RequestBody.create(MAPPER.writeValueAsBytes(value), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonNode read(InputStream in) throws IOException {
    return MAPPER.readTree(in);
  }

  public static JsonNode read(String text) throws IOException {
    return MAPPER.readTree(text);
  }

  /**
   * A JSON object as an ordered map of plain Java values (String, Boolean, Integer/Long,
   * BigDecimal, maps, lists).
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(JsonNode node) {
    Map<String, Object> map = MAPPER.convertValue(node, LinkedHashMap.class);
    return map == null ? new LinkedHashMap<>() : map;
  }

  /**
   * The {@code id} of a successful single-record write's body, or null when the body is empty, not
   * JSON or has none: the status already said the write happened, so an odd body must not turn it
   * into a failure (a retried create would create the record twice).
   */
  public static String lenientId(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body.byteStream());
      String id = node != null && node.isObject() ? text(node, "id") : null;
      return id == null || id.isBlank() ? null : id;
    } catch (IOException unreadable) {
      return null;
    }
  }

  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public static boolean bool(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.asBoolean(false);
  }

  public static long number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? 0 : v.asLong(0);
  }
}
