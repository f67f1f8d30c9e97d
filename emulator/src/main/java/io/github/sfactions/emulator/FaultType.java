package io.github.sfactions.emulator;

/** Failures the emulator can inject into matching requests. */
public enum FaultType {
  /** 500 UNKNOWN_EXCEPTION. */
  SERVER_ERROR,
  /** 503 SERVER_UNAVAILABLE. */
  SERVER_UNAVAILABLE,
  /** 400 UNABLE_TO_LOCK_ROW. */
  UNABLE_TO_LOCK_ROW,
  /** 429 with a REQUEST_LIMIT_EXCEEDED concurrency message. */
  TOO_MANY_REQUESTS,
  /** 403 REQUEST_LIMIT_EXCEEDED (daily limit wording). */
  REQUEST_LIMIT_EXCEEDED,
  /** 401 INVALID_SESSION_ID for this one request. */
  INVALID_SESSION,
  /** The connection is closed without any response. */
  DROP_CONNECTION,
  /** No response at all; the connection is closed after the hang cap. */
  NO_RESPONSE,
  /**
   * The request is processed (a record is created or changed, a token issued), then the connection
   * is closed without an answer: the client cannot tell whether its request took effect.
   */
  DROP_CONNECTION_AFTER_PROCESSING,
  /**
   * The request is processed, then no answer is sent until the hang cap closes the connection: the
   * client's read timeout fires although its request took effect (an ambiguous timeout).
   */
  NO_RESPONSE_AFTER_PROCESSING;

  /** Whether the fault hits after the request was processed (its effect stays) or before it. */
  public boolean afterProcessing() {
    return this == DROP_CONNECTION_AFTER_PROCESSING || this == NO_RESPONSE_AFTER_PROCESSING;
  }
}
