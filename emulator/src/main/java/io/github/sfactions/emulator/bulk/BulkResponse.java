package io.github.sfactions.emulator.bulk;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer of the Bulk API 2.0 ingest resource, ready to be written by the HTTP server.
 *
 * @param status HTTP status code
 * @param contentType value of the {@code Content-Type} header; {@code null} when the body is empty
 * @param body response body bytes (UTF-8 text for JSON and CSV); empty for 201/204
 */
public record BulkResponse(int status, String contentType, byte[] body) {

  /** Normalises a {@code null} body to an empty array. */
  public BulkResponse {
    body = body == null ? new byte[0] : body;
  }

  /** The body decoded as UTF-8, convenient for logs and tests. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
