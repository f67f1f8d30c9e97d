package io.github.sfactions.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A tiny Salesforce REST client over the JDK HttpClient, for tests over real HTTP. */
final class SfHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String V = "/services/data/v62.0";

  /** An HTTP answer. */
  record Res(int status, java.net.http.HttpHeaders headers, String text) {
    JsonNode json() {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + text, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String errorCode() {
      return json().get(0).get("errorCode").asText();
    }
  }

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final SalesforceEmulator emulator;
  String token;
  String instanceUrl;

  SfHttp(SalesforceEmulator emulator) {
    this.emulator = emulator;
  }

  /** Password login as the demo user; remembers token and instance URL. */
  SfHttp login() {
    Res r =
        token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SalesforceEmulator.DEMO_CLIENT_ID,
                "client_secret",
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                "username",
                SalesforceEmulator.DEMO_USERNAME,
                "password",
                SalesforceEmulator.DEMO_PASSWORD + SalesforceEmulator.DEMO_SECURITY_TOKEN));
    if (r.status() != 200) {
      throw new AssertionError("login failed: " + r.text());
    }
    token = r.json().get("access_token").asText();
    instanceUrl = r.json().get("instance_url").asText();
    return this;
  }

  Res token(Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(URI.create(emulator.loginUrl() + "/services/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  static String form(Map<String, String> form) {
    StringJoiner j = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  Res get(String path) {
    return send(authed(path).GET());
  }

  /**
   * Runs a Bulk API 2.0 query job to completion (10 s at most) and answers its whole CSV result.
   */
  String bulkQueryCsv(String soql) throws InterruptedException {
    String id =
        post(V + "/jobs/query", map("operation", "query", "query", soql)).json().get("id").asText();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!get(V + "/jobs/query/" + id).json().get("state").asText().equals("JobComplete")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    return get(V + "/jobs/query/" + id + "/results").text();
  }

  /** {@code GET query?q=} with the SOQL URL-encoded. */
  Res query(String soql) {
    return get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
  }

  Res get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = authed(path).GET();
    headers.forEach(b::header);
    return send(b);
  }

  Res post(String path, Object body) {
    return send(
        authed(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  Res patch(String path, Object body) {
    return send(
        authed(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
  }

  Res delete(String path) {
    return send(authed(path).DELETE());
  }

  Res method(String method, String path, Object body) {
    return send(
        authed(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json(body))));
  }

  HttpRequest.Builder authed(String path) {
    String base = instanceUrl != null ? instanceUrl : emulator.instanceUrl();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Res send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
