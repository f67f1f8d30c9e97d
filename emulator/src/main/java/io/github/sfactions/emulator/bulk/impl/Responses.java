package io.github.sfactions.emulator.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfactions.emulator.bulk.BulkResponse;
import java.io.UncheckedIOException;

/** Builds {@link BulkResponse}s in Salesforce's content types and error format. */
public final class Responses {

  /** Content type of every JSON answer. */
  public static final String JSON = "application/json;charset=UTF-8";

  /** Content type of every CSV answer. */
  public static final String CSV = "text/csv";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Responses() {}

  /** A JSON answer. */
  public static BulkResponse json(int status, JsonNode body) {
    try {
      return new BulkResponse(status, JSON, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV answer with HTTP 200. */
  public static BulkResponse csv(byte[] body) {
    return new BulkResponse(200, CSV, body);
  }

  /** An answer without body (201 upload, 204 delete). */
  public static BulkResponse empty(int status) {
    return new BulkResponse(status, null, new byte[0]);
  }

  /** The REST error array {@code [{"message":...,"errorCode":...}]}. */
  public static BulkResponse error(int status, String errorCode, String message) {
    ArrayNode array = MAPPER.createArrayNode();
    array.addObject().put("message", message).put("errorCode", errorCode);
    return json(status, array);
  }

  /** The error array for a refused request. */
  public static BulkResponse error(BulkApiException e) {
    return error(e.status(), e.errorCode(), e.getMessage());
  }

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
