package io.github.sfactions.emulator.impl;

import java.util.List;

/** A Salesforce error answer: HTTP status plus the error array. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<ApiError> errors;

  public ApiException(int status, List<ApiError> errors) {
    super(
        errors.isEmpty()
            ? "HTTP " + status
            : errors.get(0).errorCode() + ": " + errors.get(0).message(),
        null,
        false,
        false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int status, ApiError error) {
    this(status, List.of(error));
  }

  public ApiException(int status, String errorCode, String message) {
    this(status, new ApiError(errorCode, message));
  }

  public static ApiException badRequest(String errorCode, String message, List<String> fields) {
    return new ApiException(400, new ApiError(errorCode, message, fields));
  }

  public static ApiException notFound() {
    return new ApiException(404, ErrorCodes.NOT_FOUND, "The requested resource does not exist");
  }

  public int status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }

  public ApiError first() {
    return errors.get(0);
  }
}
