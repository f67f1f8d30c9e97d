package io.github.sfactions.action;

import io.github.sfactions.client.SalesforceApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sorts Salesforce errors into business outcomes (the record itself was rejected or is not there: a
 * BPMN error the model can handle) and technical failures (everything else: retried, then an
 * incident).
 */
public final class SalesforceErrors {

  /**
   * Salesforce errorCodes that say "this record's data was rejected": retrying the same data cannot
   * help.
   */
  private static final Set<String> RECORD_REJECTED =
      Set.of(
          "REQUIRED_FIELD_MISSING",
          "DUPLICATES_DETECTED",
          "DUPLICATE_VALUE",
          "DUPLICATE_EXTERNAL_ID",
          "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          "FIELD_INTEGRITY_EXCEPTION",
          "FIELD_FILTER_VALIDATION_EXCEPTION",
          "INVALID_EMAIL_ADDRESS",
          "STRING_TOO_LONG",
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "NUMBER_OUTSIDE_VALID_RANGE",
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
          "INVALID_CROSS_REFERENCE_KEY",
          "MALFORMED_ID",
          "INVALID_ID_FIELD",
          "ENTITY_IS_LOCKED",
          "CANNOT_EXECUTE_FLOW_TRIGGER",
          "DELETE_FAILED",
          "INVALID_FIELD_FOR_INSERT_UPDATE");

  /** errorCodes of a record that is not there (update or delete by Id). */
  private static final Set<String> RECORD_MISSING = Set.of("NOT_FOUND", "ENTITY_IS_DELETED");

  private SalesforceErrors() {}

  /**
   * The business outcome for this error, or the error itself when it is technical.
   *
   * @return an {@link ActionException} to throw instead, or {@code e} unchanged
   */
  public static RuntimeException classify(SalesforceApiException e) {
    if (e.retryable()) {
      return e;
    }
    String code = e.errorCode();
    if (e.status() == 300) {
      List<String> ids = idsOf(e.choices());
      return ActionException.lookup(
          ActionMessages.MULTIPLE_RECORDS,
          ActionMessages.CODE_MULTIPLE,
          ActionMessages.STATUS_MULTIPLE,
          ids.size(),
          ids);
    }
    if (code != null && RECORD_MISSING.contains(code) && (e.status() == 404 || e.status() == 400)) {
      return ActionException.rejected(messageOf(e), code, ActionMessages.STATUS_NOT_FOUND, e);
    }
    if (code != null && RECORD_REJECTED.contains(code) && e.status() >= 400 && e.status() < 500) {
      return ActionException.rejected(messageOf(e), code, ActionMessages.STATUS_BAD_REQUEST, e);
    }
    return e;
  }

  private static String messageOf(SalesforceApiException e) {
    String message =
        e.salesforceMessage() == null || e.salesforceMessage().isBlank()
            ? e.getMessage()
            : e.salesforceMessage();
    return e.fields().isEmpty()
        ? message
        : message + " (fields: " + String.join(", ", e.fields()) + ")";
  }

  /** Record ids from a 300's choices ({@code /services/data/vXX.X/sobjects/Obj/<id>}). */
  private static List<String> idsOf(List<String> choices) {
    List<String> ids = new ArrayList<>();
    for (String choice : choices) {
      int slash = choice.lastIndexOf('/');
      ids.add(slash >= 0 ? choice.substring(slash + 1) : choice);
    }
    return ids;
  }
}
