package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What hostile or careless senders send: JSON beyond the parser's limits, duplicate keys, no JSON
 * or the wrong JSON, content encodings, oversized headers, bodies that end early or arrive too
 * slowly. Every answer is a 4xx with a JSON body naming the problem, never a 500 or the container's
 * HTML page.
 */
class IntakeBadInputHttpTest extends IntakeHttpTestSupport {

  private static final List<String> SINGLE_ENDPOINTS =
      List.of("track", "identify", "page", "screen", "group", "alias");

  @Test
  void deeplyNestedJsonIsBadRequestNamingTheLimitAndPositionOnEveryEndpoint() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    for (String endpoint : SINGLE_ENDPOINTS) {
      HttpResponse<String> response =
          post("/v1/" + endpoint, "{\"userId\": \"u\",\n\"properties\": {\"a\": " + deep + "}}");
      assertJsonError(
          response,
          400,
          "JSON beyond a limit at line 2, column",
          "nesting depth (101) exceeds the maximum allowed (100)");
    }
    for (String endpoint : List.of("batch", "import")) {
      HttpResponse<String> response =
          post(
              "/v1/" + endpoint,
              "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", "
                  + "\"event\": \"e\", \"properties\": {\"a\": "
                  + deep
                  + "}}]}");
      assertJsonError(
          response,
          400,
          "JSON beyond a limit at line 1, column",
          "nesting depth (101) exceeds the maximum allowed (100)");
    }
  }

  @Test
  void numberWithThousandsOfDigitsIsBadRequestNamingTheLimitOnEveryEndpoint() {
    for (String number :
        List.of("9".repeat(5000), "1." + "3".repeat(5000), "-" + "7".repeat(101))) {
      for (String endpoint : SINGLE_ENDPOINTS) {
        HttpResponse<String> response =
            post("/v1/" + endpoint, "{\"userId\": \"u\", \"properties\": {\"n\": " + number + "}}");
        assertJsonError(
            response,
            400,
            "JSON beyond a limit at line 1, column",
            "exceeds the maximum allowed (100)");
      }
      HttpResponse<String> batch =
          post(
              "/v1/batch",
              "{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a\", "
                  + "\"properties\": {\"n\": "
                  + number
                  + "}}]}");
      assertJsonError(
          batch, 400, "JSON beyond a limit at line 1, column", "exceeds the maximum allowed (100)");
    }
  }

  @Test
  void aHundredDigitNumberIsStillAccepted() {
    String id = messageId("long-number");

    HttpResponse<String> response =
        post(
            "/v1/track",
            "{\"userId\": \"u\", \"event\": \"Big\", \"messageId\": \""
                + id
                + "\", \"properties\": {\"n\": "
                + "1".repeat(100)
                + "}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(processesStartedBy(id)).containsExactly("on-track");
  }

  @Test
  void stringLongerThanAnEventMayBeIsRefusedNamingTheLimit() {
    String notes = "s".repeat(40 * 1024);

    HttpResponse<String> batch =
        post(
            "/v1/batch",
            "{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a\", "
                + "\"properties\": {\"notes\": \""
                + notes
                + "\"}}]}");
    HttpResponse<String> single =
        post(
            "/v1/page", "{\"anonymousId\": \"a\", \"properties\": {\"notes\": \"" + notes + "\"}}");

    assertJsonError(
        batch,
        400,
        "JSON beyond a limit at line 1, column",
        "String value length (",
        "exceeds the maximum allowed (32768)");
    // a single event's body is limited to the same size, which is reached first
    assertJsonError(single, 413, "at most 32768 bytes are accepted");
  }

  @Test
  void duplicateKeysAreBadRequestNamingTheKey() {
    HttpResponse<String> response =
        post(
            "/v1/track",
            "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"A\", \"event\": \"B\"}");

    assertJsonError(response, 400, "Malformed JSON at line 1, column", "Duplicate field 'event'");
  }

  @Test
  void invalidUtf8IsBadRequestNamingThePosition() {
    byte[] body = "{\"userId\": \"u\", \"event\": \"caf?\"}".getBytes(StandardCharsets.ISO_8859_1);
    body[30] = (byte) 0xE9; // Latin-1 é: not UTF-8

    HttpResponse<String> response = post("/v1/track", body, null);

    assertJsonError(response, 400, "Malformed JSON at line 1, column", "Invalid UTF-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n ",
        "[]",
        "[{\"userId\": \"u\", \"event\": \"e\"}]",
        "42",
        "\"text\"",
        "null",
        "{\"userId\": \"u\", \"event\": \"e\"} {}",
        "{\"userId\": \"u\", \"event\": \"e\"}]"
      })
  void bodyThatIsNotOneJsonObjectIsBadRequest(String body) {
    HttpResponse<String> response = post("/v1/track", body);

    assertJsonError(response, 400, "");
    assertThat(response.body())
        .containsAnyOf("must be a JSON object", "body is empty", "Malformed JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "{\"batch\": {}}", "{\"batch\": \"x\"}", "42"})
  void batchWithoutABatchArrayIsBadRequest(String body) {
    HttpResponse<String> response = post("/v1/batch", body);

    assertJsonError(response, 400, "must be a JSON object with an array \\\"batch\\\"");
  }

  @Test
  void anyContentTypeIsReadAsJsonAsAnalyticsJsSendsTextPlain() {
    String plain = messageId("plain");
    String form = messageId("form");

    HttpResponse<String> textPlain =
        post(
            "/v1/track",
            track(plain).getBytes(StandardCharsets.UTF_8),
            null,
            "Content-Type",
            "text/plain;charset=UTF-8");
    HttpResponse<String> formType =
        post(
            "/v1/track",
            track(form).getBytes(StandardCharsets.UTF_8),
            null,
            "Content-Type",
            "application/x-www-form-urlencoded");

    assertThat(textPlain.statusCode()).isEqualTo(200);
    assertThat(formType.statusCode()).isEqualTo(200);
    assertThat(processesStartedBy(plain)).containsExactly("on-track");
    assertThat(processesStartedBy(form)).containsExactly("on-track");
  }

  @Test
  void deflateIsDecodedWhetherZlibWrappedOrRaw() throws IOException {
    String wrapped = messageId("zlib");
    String raw = messageId("raw-deflate");

    HttpResponse<String> zlib = post("/v1/track", deflate(track(wrapped), false), "deflate");
    HttpResponse<String> rawDeflate = post("/v1/track", deflate(track(raw), true), "Deflate");

    assertThat(zlib.statusCode()).as(zlib.body()).isEqualTo(200);
    assertThat(rawDeflate.statusCode()).as(rawDeflate.body()).isEqualTo(200);
    assertThat(processesStartedBy(wrapped)).containsExactly("on-track");
    assertThat(processesStartedBy(raw)).containsExactly("on-track");
  }

  @Test
  void compressedBodiesAreHeldToTheDecompressedLimit() throws IOException {
    String bomb =
        "{\"userId\": \"u\", \"event\": \"e\", \"properties\": {\"x\": \""
            + "0".repeat(10_000_000)
            + "\"}}";

    for (boolean raw : List.of(false, true)) {
      HttpResponse<String> response = post("/v1/track", deflate(bomb, raw), "deflate");
      assertJsonError(response, 413, "larger than 32768 bytes");
    }
    assertJsonError(post("/v1/track", gzip(bomb), "gzip"), 413, "larger than 32768 bytes");
    assertJsonError(
        post("/v1/batch", gzip("{\"batch\": [" + "{},".repeat(3_000_000) + "{}]}"), "gzip"),
        413,
        "larger than 512000 bytes");
  }

  @Test
  void bodyThatIsNotOfItsEncodingIsBadRequest() throws IOException {
    byte[] gzipped = gzip(track(messageId("cut")));
    byte[] cut = java.util.Arrays.copyOf(gzipped, gzipped.length - 12);

    assertJsonError(post("/v1/track", new byte[0], "gzip"), 400, "not valid gzip data");
    assertJsonError(
        post("/v1/track", "{}".getBytes(StandardCharsets.UTF_8), "gzip"),
        400,
        "not valid gzip data");
    assertJsonError(post("/v1/track", cut, "gzip"), 400, "not valid gzip data");
    assertJsonError(
        post("/v1/track", "not deflate".getBytes(StandardCharsets.UTF_8), "deflate"),
        400,
        "not valid deflate data");
    assertJsonError(
        post("/v1/replay", "{}".getBytes(StandardCharsets.UTF_8), "gzip"),
        400,
        "not valid gzip data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "compress", "zstd", "gzip, br", "gzip, gzip"})
  void unsupportedContentEncodingIsUnsupportedMediaTypeNamingTheSupportedOnes(String encoding) {
    for (String endpoint : List.of("track", "batch", "replay")) {
      HttpResponse<String> response = post("/v1/" + endpoint, new byte[] {1, 2, 3}, encoding);
      assertJsonError(
          response,
          415,
          "Content-Encoding "
              + encoding
              + " is not supported: send one of "
              + "gzip, deflate, identity");
    }
  }

  @Test
  void identityContentEncodingIsTheBodyAsItIs() {
    String id = messageId("identity");

    HttpResponse<String> response =
        post("/v1/track", track(id).getBytes(StandardCharsets.UTF_8), "identity");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(processesStartedBy(id)).containsExactly("on-track");
  }

  @Test
  void oversizedRequestHeaderGetsAJsonError() throws IOException {
    String answer =
        raw(
            "POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + authorization()
                + "X-Padding: "
                + "p".repeat(20 * 1024)
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n",
            "{}".getBytes(StandardCharsets.UTF_8),
            false);

    assertThat(answer)
        .startsWith("HTTP/1.1 431")
        .contains("Content-Type: application/json")
        .contains("\"success\":false")
        .contains("Request header is too large")
        .doesNotContain("<html");
  }

  @Test
  void bodyEndingBeforeItsContentLengthIsBadRequest() throws IOException {
    String answer =
        raw(
            "POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + authorization()
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
            "{\"userId\": \"u\"".getBytes(StandardCharsets.UTF_8),
            true);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("\"success\":false")
        .contains("The request body ended early");
  }

  @Test
  void bodyThatStopsArrivingIsATimeout() throws IOException {
    long start = System.nanoTime();

    String answer =
        raw(
            "POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + authorization()
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
            "{\"userId\": \"u\"".getBytes(StandardCharsets.UTF_8),
            false);

    assertThat(answer)
        .startsWith("HTTP/1.1 408")
        .contains("\"success\":false")
        .contains("did not arrive in time");
    assertThat(System.nanoTime() - start)
        .as("the server's connection timeout (2 s in the test)")
        .isLessThan(9_000_000_000L);
  }

  static void assertJsonError(HttpResponse<String> response, int status, String... texts) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body())
        .startsWith("{\"success\":false,\"message\":\"")
        .contains(texts)
        .doesNotContain("Source", "StreamReadConstraints", WRITE_KEY);
  }

  static byte[] deflate(String text, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater)) {
      deflate.write(text.getBytes(StandardCharsets.UTF_8));
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
