package io.github.sfactions.spring.intake;

/**
 * An event or request the intake refuses; {@link #status()} is the HTTP status to answer (400 malformed or
 * invalid, 413 too large). The message names the problem and never contains the write key.
 */
public class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** HTTP 400. */
  public static final int BAD_REQUEST = 400;

  /** HTTP 413. */
  public static final int TOO_LARGE = 413;

  private final int status;

  /** A refusal with an HTTP status and a message for the sender. */
  public InvalidEventException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** A 400 refusal. */
  public static InvalidEventException badRequest(String message) {
    return new InvalidEventException(BAD_REQUEST, message);
  }

  /** The HTTP status to answer. */
  public int status() {
    return status;
  }
}
