package io.github.sfactions.action;

import java.util.List;

/**
 * A business outcome that stops an action: the record was rejected, not found, or found more than
 * once.
 *
 * <p>Carries the reference's exact message and code and the HTTP-like status that Segment uses
 * ({@code 300}, {@code 400}, {@code 404}). The Camunda layer turns it into a {@code BpmnError}
 * whose error code is the status. Never holds a token or secret.
 */
public class ActionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final String salesforceErrorCode;
  private final Integer matchCount;
  private final List<String> recordIds;

  /** A business error with the reference's message, code and status. */
  public ActionException(String message, String code, int status) {
    this(message, code, status, null, null, List.of(), null);
  }

  private ActionException(
      String message,
      String code,
      int status,
      String salesforceErrorCode,
      Integer matchCount,
      List<String> recordIds,
      Throwable cause) {
    super(message, cause);
    this.code = code;
    this.status = status;
    this.salesforceErrorCode = salesforceErrorCode;
    this.matchCount = matchCount;
    this.recordIds = List.copyOf(recordIds);
  }

  /**
   * A business error raised by a lookup: carries how many records matched and (some of) their ids.
   */
  public static ActionException lookup(
      String message, String code, int status, int matchCount, List<String> recordIds) {
    return new ActionException(message, code, status, null, matchCount, recordIds, null);
  }

  /**
   * A record Salesforce rejected (validation, duplicates, required fields): keeps Salesforce's
   * errorCode.
   */
  public static ActionException rejected(
      String message, String salesforceErrorCode, int status, Throwable cause) {
    return new ActionException(
        message, salesforceErrorCode, status, salesforceErrorCode, null, List.of(), cause);
  }

  /**
   * The reference's error code, e.g. {@code Misconfigured required field} or {@code Multiple
   * Records Found}.
   */
  public String code() {
    return code;
  }

  /** The status Segment reports: 300 several matches, 404 no match, 400 rejected. */
  public int status() {
    return status;
  }

  /**
   * Salesforce's own errorCode (e.g. {@code REQUIRED_FIELD_MISSING}) when Salesforce rejected the
   * record, else null.
   */
  public String salesforceErrorCode() {
    return salesforceErrorCode;
  }

  /** Number of records the lookup matched, when the error comes from a lookup; else null. */
  public Integer matchCount() {
    return matchCount;
  }

  /**
   * Ids of the matched records (at most one query page) when the error comes from a lookup; else
   * empty.
   */
  public List<String> recordIds() {
    return recordIds;
  }
}
