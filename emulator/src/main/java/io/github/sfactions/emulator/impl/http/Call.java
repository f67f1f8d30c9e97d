package io.github.sfactions.emulator.impl.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One incoming request as the handlers see it: effective method (after {@code _HttpMethod}),
 * decoded path and query, headers and the buffered body. Handlers fill in what the call was
 * (endpoint, object, operation) for the API counters.
 */
public final class Call {
  public static final String METHOD_OVERRIDE = "_HttpMethod";

  private final String method;
  private final String rawMethod;
  private final String path;
  private final String rawQuery;
  private final Map<String, String> query;
  private final Headers headers;
  private final byte[] body;
  private String endpoint;
  private String object;
  private String operation;
  private java.io.InputStream upload;
  private final List<String> segments;
  private boolean secure;
  private io.github.sfactions.emulator.impl.store.UndoLog undo;

  public Call(String rawMethod, String path, String rawQuery, Headers headers, byte[] body) {
    this.rawMethod = rawMethod;
    this.path = path;
    this.rawQuery = rawQuery;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
    this.segments = segments(path);
    String override = query.get(METHOD_OVERRIDE);
    this.method =
        "POST".equals(rawMethod) && override != null
            ? override.toUpperCase(java.util.Locale.ROOT)
            : rawMethod;
  }

  /** Parses {@code a=b&c=d} with {@code +} as space; the first value of a repeated name wins. */
  public static Map<String, String> parseQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /**
   * Path segments, percent-decoded ({@code +} stays literal); empty segments (trailing slash)
   * dropped.
   */
  public static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(decode(s.replace("+", "%2B")));
      }
    }
    return out;
  }

  public List<String> segments() {
    return segments;
  }

  /** True when the request came in on an HTTPS listener. */
  public boolean secure() {
    return secure;
  }

  void secure(boolean s) {
    this.secure = s;
  }

  /** The all-or-none composite transaction this subrequest belongs to, or null. */
  public io.github.sfactions.emulator.impl.store.UndoLog undo() {
    return undo;
  }

  void undo(io.github.sfactions.emulator.impl.store.UndoLog log) {
    this.undo = log;
  }

  /** The streamed request body of a bulk upload (other calls are buffered in {@link #body()}). */
  public java.io.InputStream upload() {
    return upload != null ? upload : new java.io.ByteArrayInputStream(body);
  }

  void upload(java.io.InputStream in) {
    this.upload = in;
  }

  public String method() {
    return method;
  }

  public String rawMethod() {
    return rawMethod;
  }

  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  public Map<String, String> query() {
    return query;
  }

  public String query(String name) {
    return query.get(name);
  }

  public Headers headers() {
    return headers;
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return Json.text(body);
  }

  public String contentType() {
    String ct = header("Content-Type");
    return ct == null ? "" : ct;
  }

  /** Records what kind of API call this was, for the counters. */
  public void describe(String endpointName, String objectName, String operationName) {
    this.endpoint = endpointName;
    this.object = objectName;
    this.operation = operationName;
  }

  public void object(String objectName) {
    this.object = objectName;
  }

  public String endpoint() {
    return endpoint;
  }

  public String object() {
    return object;
  }

  public String operation() {
    return operation;
  }
}
