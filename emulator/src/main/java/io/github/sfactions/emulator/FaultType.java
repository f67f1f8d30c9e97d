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
  NO_RESPONSE
}
