package io.github.sfactions.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one exception the client throws for a failed Salesforce call: an HTTP error, an OAuth error,
 * a rejected instance URL or an I/O failure / timeout (status {@code 0}).
 *
 * <p>{@link #retryable()} tells whether the same call may succeed later (rate limits, lock
 * contention, server errors, network trouble, 401 after one re-login) or never will (validation
 * errors, bad credentials). A data API error's message names the HTTP method and path (no query
 * string) and Salesforce's error code and text. Where the reference gives a message (token endpoint
 * errors, instance URL errors) the message is exactly that text and the context sits in fields
 * ({@link #method()}, {@link #path()}, {@link #status()}, {@link #authFlow()}, {@link #clientId()},
 * {@link #detail()}); {@link #context()} sums them up for incident messages. Neither ever holds a
 * token, password, client secret, refresh token, JWT assertion or a token endpoint body.
 */
public class SalesforceApiException extends RuntimeException {

  /** Status used for I/O failures and timeouts, where no HTTP response was received. */
  public static final int NO_RESPONSE = 0;

  /** Error code of a 300 answer to an upsert whose external id matches several records. */
  public static final String MULTIPLE_CHOICES = "MULTIPLE_CHOICES";

  /** Error code used for I/O failures. */
  public static final String IO_ERROR = "IO_ERROR";

  /** Error code used for timeouts. */
  public static final String TIMEOUT = "TIMEOUT";

  /**
   * Error code of a 2xx answer that lacks a field the caller needs (e.g. a query answer without
   * totalSize).
   */
  public static final String INCOMPLETE_RESPONSE = "INCOMPLETE_RESPONSE";

  private static final Set<String> RETRYABLE_CODES =
      Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", IO_ERROR, TIMEOUT);

  private final int status;
  private final String errorCode;
  private final List<String> fields;
  private final String method;
  private final String path;
  private final boolean retryable;
  private final String salesforceMessage;
  private final List<String> choices;
  private final String authFlow;
  private final String clientId;
  private final String detail;

  /** Use {@link #builder(int, String)}. */
  protected SalesforceApiException(Builder b) {
    super(b.buildMessage(), b.cause);
    this.status = b.status;
    this.errorCode = b.errorCode;
    this.fields = List.copyOf(b.fields);
    this.method = b.method;
    this.path = b.path;
    this.retryable = b.retryable == null ? isRetryable(b.status, b.errorCode) : b.retryable;
    this.salesforceMessage = b.salesforceMessage;
    this.choices = List.copyOf(b.choices);
    this.authFlow = b.authFlow;
    this.clientId = b.clientId;
    this.detail = b.detail;
  }

  /**
   * The classification used for every error: 401 (only thrown after the one re-login), 403 {@code
   * REQUEST_LIMIT_EXCEEDED}, 408, 429, 5xx, {@code UNABLE_TO_LOCK_ROW}, {@code SERVER_UNAVAILABLE},
   * I/O errors and timeouts are retryable; everything else (validation, 404, 300, bad credentials)
   * is not. Also usable for per-record errors of collections and bulk results (pass status 200).
   */
  public static boolean isRetryable(int status, String errorCode) {
    if (errorCode != null && RETRYABLE_CODES.contains(errorCode)) {
      return true;
    }
    if (status == 403) {
      return "REQUEST_LIMIT_EXCEEDED".equals(errorCode);
    }
    return status == NO_RESPONSE
        || status == 401
        || status == 408
        || status == 429
        || status >= 500;
  }

  /** HTTP status, or {@link #NO_RESPONSE} when no response arrived (I/O error, timeout). */
  public int status() {
    return status;
  }

  /**
   * Salesforce's {@code errorCode} / OAuth {@code error}, or {@code null} when the body had none.
   */
  public String errorCode() {
    return errorCode;
  }

  /** Fields Salesforce named in the error (may be empty). */
  public List<String> fields() {
    return fields;
  }

  /** HTTP method of the failed call. */
  public String method() {
    return method;
  }

  /** Path of the failed call, without query string. */
  public String path() {
    return path;
  }

  public boolean retryable() {
    return retryable;
  }

  /**
   * Salesforce's own message text (or the OAuth {@code error_description}, or a truncated non-JSON
   * body).
   */
  public String salesforceMessage() {
    return salesforceMessage;
  }

  /** For a 300 upsert answer: the record URLs Salesforce offered; empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** For a login failure: the OAuth flow, e.g. {@code username-password}; else null. */
  public String authFlow() {
    return authFlow;
  }

  /** For a login failure: the connected app's client id (consumer key, not a secret); else null. */
  public String clientId() {
    return clientId;
  }

  /**
   * What the message leaves out when it is a reference text, e.g. the OAuth {@code error} of a
   * failed login or which rule rejected an instance URL; null when there is nothing to add. Never
   * holds a secret or a body.
   */
  public String detail() {
    return detail;
  }

  /**
   * The fields the message does not already state, as {@code "POST /services/oauth2/token, status
   * 400, username-password flow, client id abc, OAuth error invalid_grant"}; empty when the message
   * says it all.
   */
  public String context() {
    String message = getMessage();
    List<String> parts = new ArrayList<>();
    if (method != null && path != null && !message.contains(path)) {
      parts.add(method + " " + path);
    }
    if (status != NO_RESPONSE && !message.contains("HTTP " + status)) {
      parts.add("status " + status);
    }
    if (errorCode != null
        && !errorCode.equals(String.valueOf(status))
        && !message.contains(errorCode)) {
      parts.add(errorCode);
    }
    if (authFlow != null && !message.contains(authFlow + " flow")) {
      parts.add(authFlow + " flow");
    }
    if (clientId != null && !message.contains(clientId)) {
      parts.add("client id " + clientId);
    }
    if (detail != null && !message.contains(detail)) {
      parts.add(detail);
    }
    return String.join(", ", parts);
  }

  /**
   * A builder; {@code message} is the human-readable summary (the prefix of {@link #getMessage()}).
   */
  public static Builder builder(int status, String message) {
    return new Builder(status, message);
  }

  /** Builder of {@link SalesforceApiException}. */
  public static final class Builder {
    private final int status;
    private final String summary;
    private String errorCode;
    private List<String> fields = List.of();
    private String method;
    private String path;
    private Boolean retryable;
    private String salesforceMessage;
    private List<String> choices = List.of();
    private Throwable cause;
    private String authFlow;
    private String clientId;
    private String detail;
    private boolean exactMessage;

    private Builder(int status, String summary) {
      this.status = status;
      this.summary = Objects.requireNonNull(summary, "message");
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    public Builder fields(List<String> fields) {
      this.fields = fields == null ? List.of() : fields;
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /** Path without query string. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Overrides the default classification of {@link #isRetryable(int, String)}. */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public Builder salesforceMessage(String salesforceMessage) {
      this.salesforceMessage = salesforceMessage;
      return this;
    }

    public Builder choices(List<String> choices) {
      this.choices = choices == null ? List.of() : choices;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** The OAuth flow of a failed login (its {@link AuthFlow#flowName()}). */
    public Builder authFlow(String authFlow) {
      this.authFlow = authFlow;
      return this;
    }

    /** The client id of a failed login. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** See {@link SalesforceApiException#detail()}. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * The message is a reference text and stays exactly as given: method and path are not appended
     * (they are in the fields and in {@link SalesforceApiException#context()}).
     */
    public Builder exactMessage() {
      this.exactMessage = true;
      return this;
    }

    public SalesforceApiException build() {
      return new SalesforceApiException(this);
    }

    private String buildMessage() {
      StringBuilder sb = new StringBuilder(summary);
      if (!exactMessage && method != null && path != null && !summary.contains(path)) {
        sb.append(" [").append(method).append(' ').append(path).append(']');
      }
      return sb.toString();
    }
  }
}
