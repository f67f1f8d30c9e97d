package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer. Two special kinds model injected network faults: {@link #drop()} closes the
 * connection without a response and {@link #hang()} sends nothing until the hang cap.
 */
public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json;charset=UTF-8";
  static final int DROP = -1;
  static final int HANG = -2;

  public Reply {
    headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
  }

  public static Reply json(int status, Object value) {
    return new Reply(status, JSON, null, Json.write(value));
  }

  public static Reply empty(int status) {
    return new Reply(status, null, null, new byte[0]);
  }

  public static Reply text(int status, String contentType, String text) {
    return new Reply(status, contentType, null, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply errors(ApiException e) {
    return json(e.status(), errorArray(e.errors()));
  }

  public static Reply error(int status, String code, String message) {
    return errors(new ApiException(status, code, message));
  }

  public static Reply drop() {
    return new Reply(DROP, null, null, new byte[0]);
  }

  public static Reply hang() {
    return new Reply(HANG, null, null, new byte[0]);
  }

  public boolean isDrop() {
    return status == DROP;
  }

  public boolean isHang() {
    return status == HANG;
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, contentType, h, body);
  }

  /** Salesforce's REST error array: {@code [{"message","errorCode","fields"}...]}. */
  public static List<Map<String, Object>> errorArray(List<ApiError> errors) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ApiError e : errors) {
      Map<String, Object> m = new LinkedHashMap<>(e.extra());
      m.put("message", e.message());
      m.put("errorCode", e.errorCode());
      if (!e.fields().isEmpty()) {
        m.put("fields", e.fields());
      }
      out.add(m);
    }
    return out;
  }

  /** The collection-result error form, keyed {@code statusCode}. */
  public static Map<String, Object> collectionError(ApiError e) {
    Map<String, Object> m = new LinkedHashMap<>(e.extra());
    m.put("statusCode", e.errorCode());
    m.put("message", e.message());
    m.put("fields", e.fields());
    return m;
  }
}
