package io.github.sfactions.client.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Salesforce-shaped answers and request readers for protocol tests on a {@link MockWebServer}.
 * Clients log in at {@code http://localhost:port} and the token answer names {@code
 * http://127.0.0.1:port} as the instance, so a client that ignored instance_url would be caught by
 * the Host header of its data calls.
 */
final class OrgAnswers {

  static final String TOKEN_PATH = "/services/oauth2/token";

  private OrgAnswers() {}

  static String loginUrl(MockWebServer server) {
    return "http://localhost:" + server.getPort();
  }

  static String instanceUrl(MockWebServer server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json;charset=UTF-8")
        .setBody(body);
  }

  static MockResponse typed(int status, String contentType, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", contentType)
        .setBody(body);
  }

  /** The n-th access token the org issues: {@code 00Dstub!token-n}. */
  static MockResponse token(MockWebServer server, int n) {
    return json(
        200,
        "{\"access_token\":\"00Dstub!token-"
            + n
            + "\",\"instance_url\":\""
            + instanceUrl(server)
            + "\",\"id\":\""
            + loginUrl(server)
            + "/id/00D000000000001AAA/005000000000001AAA\","
            + "\"token_type\":\"Bearer\",\"issued_at\":\"1\"}");
  }

  /** The body as text, leaving the recorded buffer readable for later assertions. */
  static String body(RecordedRequest request) {
    return request.getBody().clone().readUtf8();
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body(request).split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
