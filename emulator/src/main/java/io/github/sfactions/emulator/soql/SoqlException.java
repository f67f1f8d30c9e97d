package io.github.sfactions.emulator.soql;

import java.util.Objects;

/**
 * A SOQL query that Salesforce would refuse, carrying Salesforce's error code and message text.
 *
 * <p>{@link #getMessage()} is the text Salesforce puts in the {@code message} of its REST error
 * body, including the query excerpt, the caret line and {@code ERROR at Row:1:Column:N} where
 * Salesforce reports a position. The HTTP status (400) is the caller's concern.
 */
public final class SoqlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Syntax errors: unexpected tokens, bad literals, AND/OR mixed without parentheses. */
  public static final String MALFORMED_QUERY = "MALFORMED_QUERY";

  /** A number out of its allowed range, e.g. OFFSET over 2000. */
  public static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";

  /** Unknown field, or a field used where its describe flags forbid it (filter, sort). */
  public static final String INVALID_FIELD = "INVALID_FIELD";

  /** Unknown sObject type in the FROM clause. */
  public static final String INVALID_TYPE = "INVALID_TYPE";

  /**
   * A filter value of the wrong type for its field, or an operator the field type does not support.
   */
  public static final String INVALID_QUERY_FILTER_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";

  private final String errorCode;

  /**
   * @param errorCode Salesforce error code, e.g. {@link #MALFORMED_QUERY}
   * @param message Salesforce's message text
   */
  public SoqlException(String errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  /** The Salesforce error code, e.g. {@code MALFORMED_QUERY}. */
  public String errorCode() {
    return errorCode;
  }
}
