package io.github.sfactions.client.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.client.SalesforceApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an error response (Salesforce's error array, an OAuth error object, the 300 choice list, or
 * any other body) or an I/O failure into a {@link SalesforceApiException}.
 */
public final class ErrorBodies {

  /** Longest piece of a non-JSON body kept in a message. */
  public static final int MAX_BODY_EXCERPT = 500;

  public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
  private static final String NOT_FOR_REST_API = "not valid for use with the REST API";

  private ErrorBodies() {}

  /** Parsed content of an error body. */
  record Parsed(String errorCode, String message, List<String> fields, List<String> choices) {}

  public static SalesforceApiException fromResponse(
      String method, String path, int status, String body) {
    Parsed p = parse(status, body);
    SalesforceApiException.Builder b =
        SalesforceApiException.builder(
                status, summary(method, path, status, p.errorCode(), p.message(), p.fields()))
            .errorCode(p.errorCode())
            .salesforceMessage(p.message())
            .fields(p.fields())
            .choices(p.choices())
            .method(method)
            .path(path);
    if (status == 401 && isRestApiNotAllowed(p.errorCode(), p.message())) {
      b.retryable(false);
    }
    return b.build();
  }

  /** An I/O error or timeout: status {@link SalesforceApiException#NO_RESPONSE}, retryable. */
  public static SalesforceApiException fromIoError(String method, String path, IOException e) {
    boolean timeout =
        e instanceof SocketTimeoutException
            || (e instanceof InterruptedIOException
                && String.valueOf(e.getMessage()).contains("timeout"));
    String code = timeout ? SalesforceApiException.TIMEOUT : SalesforceApiException.IO_ERROR;
    String what =
        timeout
            ? "timed out"
            : "failed without a response ("
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + truncate(e.getMessage()))
                + ")";
    return SalesforceApiException.builder(
            SalesforceApiException.NO_RESPONSE, method + " " + path + " " + what)
        .errorCode(code)
        .salesforceMessage(e.getMessage())
        .method(method)
        .path(path)
        .retryable(true)
        .cause(e)
        .build();
  }

  /**
   * Whether a 401 calls for one re-login and replay: an expired/invalid session, but not the
   * variant saying the session may not use the REST API (a new token would not change that).
   */
  public static boolean needsRelogin(SalesforceApiException e) {
    return e.status() == 401
        && (e.errorCode() == null || INVALID_SESSION_ID.equals(e.errorCode()))
        && !isRestApiNotAllowed(e.errorCode(), e.salesforceMessage());
  }

  static boolean isRestApiNotAllowed(String errorCode, String message) {
    return message != null && message.contains(NOT_FOR_REST_API);
  }

  static Parsed parse(int status, String body) {
    if (body == null || body.isBlank()) {
      return new Parsed(null, null, List.of(), List.of());
    }
    JsonNode node;
    try {
      node = Json.read(body);
    } catch (IOException notJson) {
      return new Parsed(null, truncate(body.strip()), List.of(), List.of());
    }
    if (node == null) {
      return new Parsed(null, truncate(body.strip()), List.of(), List.of());
    }
    if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
      List<String> choices = new ArrayList<>();
      node.forEach(n -> choices.add(n.asText()));
      return new Parsed(
          SalesforceApiException.MULTIPLE_CHOICES,
          "The external id value matches " + choices.size() + " records",
          List.of(),
          choices);
    }
    if (node.isArray()) {
      String code = null;
      List<String> messages = new ArrayList<>();
      Set<String> fields = new LinkedHashSet<>();
      for (JsonNode err : node) {
        String c = firstText(err, "errorCode", "statusCode");
        if (code == null) {
          code = c;
        }
        String m = Json.text(err, "message");
        if (m != null && !messages.contains(m)) {
          messages.add(m);
        }
        JsonNode f = err.get("fields");
        if (f != null && f.isArray()) {
          f.forEach(x -> fields.add(x.asText()));
        }
      }
      return new Parsed(
          code,
          messages.isEmpty() ? null : truncate(String.join("; ", messages)),
          List.copyOf(fields),
          List.of());
    }
    if (node.isObject()) {
      if (node.has("error")) {
        return new Parsed(
            Json.text(node, "error"),
            truncate(Json.text(node, "error_description")),
            List.of(),
            List.of());
      }
      String code = firstText(node, "errorCode", "statusCode");
      if (code != null || node.has("message")) {
        List<String> fields = new ArrayList<>();
        JsonNode f = node.get("fields");
        if (f != null && f.isArray()) {
          f.forEach(x -> fields.add(x.asText()));
        }
        return new Parsed(code, truncate(Json.text(node, "message")), fields, List.of());
      }
    }
    return new Parsed(null, truncate(body.strip()), List.of(), List.of());
  }

  static String summary(
      String method, String path, int status, String code, String message, List<String> fields) {
    StringBuilder sb =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(path)
            .append(" failed: HTTP ")
            .append(status);
    if (code != null) {
      sb.append(' ').append(code);
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    if (!fields.isEmpty()) {
      sb.append(" (fields: ").append(String.join(", ", fields)).append(')');
    }
    return sb.toString();
  }

  static String truncate(String text) {
    if (text == null || text.length() <= MAX_BODY_EXCERPT) {
      return text;
    }
    return text.substring(0, MAX_BODY_EXCERPT) + "... (" + text.length() + " chars)";
  }

  private static String firstText(JsonNode node, String... names) {
    for (String n : names) {
      String v = Json.text(node, n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
