package io.github.sfactions.emulator.impl.auth;

/** An OAuth error answer: HTTP status with {@code error} and {@code error_description}. */
public final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  public OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  public OAuthError(String error, String description) {
    this(400, error, description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String description() {
    return getMessage();
  }
}
