package io.github.sfactions.action;

import io.github.sfactions.client.Soql;
import io.github.sfactions.client.SoqlBuildException;

/**
 * The object a request writes to. The custom object action needs {@code sobject}; every object name
 * is checked to be an API name before it goes into a path or a query (deviation 11).
 */
public final class ObjectNames {

  private ObjectNames() {}

  /** The validated object API name of the request. */
  public static String of(ActionRequest request) {
    return validate(request.targetObject());
  }

  /** The name if it is a valid object API name; a 400 {@link ActionException} otherwise. */
  public static String validate(String sobject) {
    if (sobject == null || sobject.isBlank()) {
      throw new ActionException(
          ActionMessages.MISSING_SOBJECT,
          ActionMessages.CODE_REQUIRED_FIELD,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    try {
      return Soql.sobject(sobject);
    } catch (SoqlBuildException e) {
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    }
  }
}
