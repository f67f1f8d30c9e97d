package io.github.sfactions.camunda;

/**
 * The BPMN error codes of the Salesforce connectors and the variables set when one is thrown. Catch
 * them with error boundary events whose {@code errorCode} is the code.
 *
 * <p>The variables are set with {@code execution.setVariable} on the service task's execution just
 * before the error is thrown (a {@code BpmnError} cannot carry variables): they land on the nearest
 * scope that already has a local variable of that name, else on the process instance, and overwrite
 * user variables of the same name.
 */
public final class SalesforceErrorCodes {

  /** Several records match the matchers: nothing was changed. */
  public static final String MULTIPLE_MATCHES = "300";

  /** No record matches (update, delete) or the record Id does not exist. */
  public static final String NOT_FOUND = "404";

  /**
   * The record was rejected: missing required field, invalid operator or matcher, Salesforce
   * validation.
   */
  public static final String REJECTED = "400";

  /**
   * Variable set before every BPMN error is thrown: the reference's code (e.g. {@code Multiple
   * Records Found}, {@code Misconfigured required field}) or Salesforce's errorCode (e.g. {@code
   * REQUIRED_FIELD_MISSING}, {@code DUPLICATES_DETECTED}).
   */
  public static final String VAR_ERROR_CODE = "sfErrorCode";

  /** Variable set with a lookup error (300, 404): how many records matched. */
  public static final String VAR_MATCH_COUNT = "matchCount";

  /**
   * Variable set with a lookup error (300, 404): the matching ids, empty for 404 (Spin JSON list
   * with the Spin plugin, else a JSON string).
   */
  public static final String VAR_RECORD_IDS = "recordIds";

  private SalesforceErrorCodes() {}
}
