package io.github.sfactions.emulator.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Content-type checks and JSON body parsing for the ingest resource. */
public final class RequestBodies {

  /** Media type of job definitions and state changes. */
  public static final String APPLICATION_JSON = "application/json";

  /** Media type of uploaded data. */
  public static final String TEXT_CSV = "text/csv";

  /** A job definition or state change is tiny; anything larger is not one. */
  private static final int MAX_JSON_BYTES = 1024 * 1024;

  private RequestBodies() {}

  /**
   * Whether {@code contentType} is {@code mediaType}, ignoring case and parameters such as charset.
   */
  public static boolean hasMediaType(String contentType, String mediaType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT).equals(mediaType);
  }

  /** Refuses with 415 unless the request has {@code mediaType}. */
  public static void requireMediaType(String contentType, String mediaType) {
    if (!hasMediaType(contentType, mediaType)) {
      throw new BulkApiException(
          415,
          ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
          "Content type '"
              + (contentType == null ? "" : contentType)
              + "' is not supported here; send "
              + mediaType);
    }
  }

  /** Reads a JSON object body, refusing anything else with 400 {@code JSON_PARSER_ERROR}. */
  public static ObjectNode jsonObject(String contentType, InputStream body) {
    requireMediaType(contentType, APPLICATION_JSON);
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes(MAX_JSON_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_JSON_BYTES) {
      throw new BulkApiException(
          400, ErrorCodes.JSON_PARSER_ERROR, "The JSON body exceeds " + MAX_JSON_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw new BulkApiException(
          400,
          ErrorCodes.JSON_PARSER_ERROR,
          "The request body is empty; a JSON object is required");
    }
    JsonNode node;
    try {
      node = Responses.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BulkApiException(
          400, ErrorCodes.JSON_PARSER_ERROR, "Invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BulkApiException(
          400, ErrorCodes.JSON_PARSER_ERROR, "The request body must be a JSON object");
    }
    return object;
  }

  /** An optional string property; refuses a non-string value. */
  public static String optionalText(ObjectNode body, String property) {
    JsonNode value = body.get(property);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw BulkApiException.invalidJob("Property '" + property + "' must be a string");
    }
    return value.asText();
  }
}
