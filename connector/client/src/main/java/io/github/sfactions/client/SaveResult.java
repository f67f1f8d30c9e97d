package io.github.sfactions.client;

import java.util.List;

/**
 * Outcome of saving one record (single create, or one row of an sObject Collections call).
 *
 * @param id record id (18 chars); {@code null} for a failed insert
 * @param success whether the record was saved
 * @param created true when an upsert or create inserted a new record
 * @param errors Salesforce's errors for a failed record; empty on success
 */
public record SaveResult(String id, boolean success, boolean created, List<SaveError> errors) {

  public SaveResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The first error, or {@code null} on success. */
  public SaveError firstError() {
    return errors.isEmpty() ? null : errors.get(0);
  }
}
