package io.github.sfactions.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Sends requests to the intake over real HTTP on loopback (also the benchmark's client). */
public final class IntakeClient {

  static final String WRITE_KEY = "test-write-key";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration timeout;

  public IntakeClient(int port) {
    this(port, Duration.ofSeconds(30));
  }

  /** A client whose requests wait at most {@code timeout} for their answer. */
  IntakeClient(int port, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.timeout = timeout;
  }

  HttpResponse<String> post(String path, String body) {
    return post(path, body, WRITE_KEY);
  }

  HttpResponse<String> post(String path, String body, String writeKey) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), writeKey);
  }

  HttpResponse<String> post(String path, byte[] body, String writeKey) {
    return post(path, body, writeKey, null);
  }

  /** The body gzipped, with {@code Content-Encoding: gzip}. */
  HttpResponse<String> postGzip(String path, String body) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(body.getBytes(StandardCharsets.UTF_8));
    }
    return post(path, compressed.toByteArray(), WRITE_KEY, "gzip");
  }

  public HttpResponse<String> post(
      String path, byte[] body, String writeKey, String contentEncoding) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentEncoding != null) {
      request.header("Content-Encoding", contentEncoding);
    }
    if (writeKey != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return send(request.GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
