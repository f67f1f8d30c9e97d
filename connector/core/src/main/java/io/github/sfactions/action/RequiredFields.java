package io.github.sfactions.action;

import io.github.sfactions.action.impl.JsTruthiness;
import java.util.Map;

/**
 * The reference's required-field check (§2): for create and upsert, every required standard field
 * must be truthy in JavaScript terms ({@code ''} and {@code 0} fail). Other fields never satisfy
 * it.
 */
public final class RequiredFields {

  private RequiredFields() {}

  /**
   * Throws the action's required-field error when a required standard field is falsy.
   *
   * @param standardValues the standard field values after coercion
   */
  public static void check(ActionType type, Map<String, Object> standardValues) {
    for (String name : type.requiredFields()) {
      if (!JsTruthiness.isTruthy(standardValues.get(name))) {
        throw new ActionException(
            type.requiredFieldsMessage(),
            ActionMessages.CODE_REQUIRED_FIELD,
            ActionMessages.STATUS_BAD_REQUEST);
      }
    }
  }
}
