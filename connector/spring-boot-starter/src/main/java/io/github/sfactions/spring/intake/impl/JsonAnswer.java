package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The intake endpoints' JSON answers: one shape for success and error bodies on every path. */
public final class JsonAnswer {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAnswer() {}

  /** {@code {"success": false, "message": ...}}. */
  public static Map<String, Object> error(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("message", message);
    return body;
  }

  /** Writes {@code body} as JSON with this status. */
  public static void send(HttpServletResponse response, int status, Object body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(MAPPER.writeValueAsBytes(body));
  }

  /** The 401 answer of a request without the write key. */
  public static void unauthorized(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"sfactions intake\"");
    send(
        response,
        401,
        error(
            "Missing or wrong write key: send it as the user name of HTTP Basic "
                + "authentication (curl -u WRITE_KEY: ...)"));
  }
}
