package io.github.sfactions.spring.intake;

/**
 * An event or request the intake refuses; {@link #status()} is the HTTP status to answer (400
 * malformed or invalid, 408 body not sent in time, 413 too large, 415 unsupported encoding) and
 * {@link #reason()} the kind of problem (the {@code reason} tag of the metrics). The message names
 * the problem and never contains the write key.
 */
public class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** HTTP 400. */
  public static final int BAD_REQUEST = 400;

  /** HTTP 408. */
  public static final int REQUEST_TIMEOUT = 408;

  /** HTTP 413. */
  public static final int TOO_LARGE = 413;

  /** HTTP 415. */
  public static final int UNSUPPORTED_MEDIA_TYPE = 415;

  /** The kinds of problems, as counted by the metrics. */
  public enum Reason {
    /** Not JSON, or not the JSON structure the endpoint expects. */
    MALFORMED_JSON("malformed_json"),
    /** JSON beyond a parser limit (nesting depth, number or string length). */
    JSON_LIMIT("json_limit"),
    /** Larger than an event or a request may be. */
    TOO_LARGE("too_large"),
    /** JSON, but not a valid event. */
    INVALID_EVENT("invalid_event"),
    /** The body could not be read (content encoding, incomplete or late body). */
    UNREADABLE_BODY("unreadable_body");

    private final String tag;

    Reason(String tag) {
      this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
      return tag;
    }
  }

  private final int status;
  private final Reason reason;

  /** A refusal with an HTTP status, the kind of problem and a message for the sender. */
  public InvalidEventException(int status, Reason reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** A refusal of an invalid event or request with an HTTP status. */
  public InvalidEventException(int status, String message) {
    this(status, status == TOO_LARGE ? Reason.TOO_LARGE : Reason.INVALID_EVENT, message);
  }

  /** A 400 refusal of an invalid event. */
  public static InvalidEventException badRequest(String message) {
    return new InvalidEventException(BAD_REQUEST, Reason.INVALID_EVENT, message);
  }

  /** The HTTP status to answer. */
  public int status() {
    return status;
  }

  /** The kind of problem. */
  public Reason reason() {
    return reason;
  }

  /** The same problem, its message prefixed (e.g. with the batch item it was found in). */
  public InvalidEventException prefixed(String prefix) {
    return new InvalidEventException(status, reason, prefix + getMessage());
  }
}
