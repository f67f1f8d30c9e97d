package io.github.sfactions.camunda;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.camunda.impl.ErrorMapping;

/**
 * For steps that hand a queued record's outcome to its instance (micro-batch delivery): the
 * exception the action connector would have thrown had it written the record over REST.
 */
public final class OutcomeErrors {

  private OutcomeErrors() {}

  /**
   * A business outcome ({@code 300}, {@code 400}, {@code 404}) as a {@code BpmnError} with the
   * status as its code, the reference's message and the {@code sfErrorCode} / {@code matchCount} /
   * {@code recordIds} variables set; when nothing in the model catches that code, or for any other
   * status, a non-retryable {@link SalesforceConnectorException} (an incident at once).
   *
   * @param source what wrote the record, for the incident message (e.g. {@code micro-batch})
   * @param what the object and operation (e.g. {@code Lead upsert})
   */
  public static RuntimeException raise(String source, String what, ActionException outcome) {
    return ErrorMapping.outcome(source, what, outcome);
  }
}
