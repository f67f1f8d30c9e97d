package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The emulator's JSON mapper and parsing with Salesforce's JSON_PARSER_ERROR answer. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
          .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

  private Json() {}

  /** Parses a request body; malformed or empty JSON is 400 JSON_PARSER_ERROR. */
  public static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest(
          ErrorCodes.JSON_PARSER_ERROR,
          "The HTTP entity body is required, but this request has no entity body.",
          List.of());
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest(
            ErrorCodes.JSON_PARSER_ERROR,
            "The HTTP entity body is required, but this request has no entity body.",
            List.of());
      }
      return node;
    } catch (JsonProcessingException e) {
      String location =
          e.getLocation() == null
              ? ""
              : " at [line:"
                  + e.getLocation().getLineNr()
                  + ", column:"
                  + e.getLocation().getColumnNr()
                  + "]";
      throw ApiException.badRequest(
          ErrorCodes.JSON_PARSER_ERROR, firstLine(e.getOriginalMessage()) + location, List.of());
    } catch (java.io.IOException e) {
      throw ApiException.badRequest(
          ErrorCodes.JSON_PARSER_ERROR, "Unreadable request body", List.of());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "Malformed JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise response", e);
    }
  }

  public static String text(byte[] body) {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
