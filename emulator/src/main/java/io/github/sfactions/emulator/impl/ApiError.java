package io.github.sfactions.emulator.impl;

import java.util.List;
import java.util.Map;

/**
 * One Salesforce error: {@code errorCode}, {@code message}, {@code fields}, and optional extra
 * top-level members (e.g. {@code duplicateResult} for DUPLICATES_DETECTED).
 */
public record ApiError(
    String errorCode, String message, List<String> fields, Map<String, Object> extra) {
  public ApiError {
    fields = fields == null ? List.of() : List.copyOf(fields);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public ApiError(String errorCode, String message) {
    this(errorCode, message, List.of(), Map.of());
  }

  public ApiError(String errorCode, String message, List<String> fields) {
    this(errorCode, message, fields, Map.of());
  }
}
