package io.github.sfactions.action.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.StandardField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the record body the reference sends (§7): the action's shape in its key order, standard
 * fields without a value left out, other fields spread over it (a key already in the shape keeps
 * the shape's position, even when the shape had no value for it; new keys are appended in their own
 * order).
 */
public final class RecordBody {

  /** Marks a shape key that has no value yet; removed before the body leaves. */
  private static final Object UNSET = new Object();

  private RecordBody() {}

  /**
   * The body for one record.
   *
   * @param keepEmptyStrings false for REST (Segment drops top-level {@code ''}), true for bulk
   *     (Segment keeps them)
   */
  public static Map<String, Object> build(
      ActionType type,
      Map<String, Object> fields,
      Map<String, Object> otherFields,
      boolean keepEmptyStrings) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (StandardField field : type.standardFields()) {
      body.put(field.name(), UNSET);
    }
    standardValues(type, fields, keepEmptyStrings).forEach(body::put);
    if (otherFields != null) {
      body.putAll(otherFields);
    }
    body.values().removeIf(v -> v == UNSET);
    return body;
  }

  /**
   * The standard fields that have a value, coerced to their type, in the order given. Top-level
   * nulls are dropped (Segment's preprocessing); so are empty strings unless {@code
   * keepEmptyStrings}.
   */
  public static Map<String, Object> standardValues(
      ActionType type, Map<String, Object> fields, boolean keepEmptyStrings) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      StandardField field =
          type.standardField(e.getKey()).orElseThrow(() -> unknownField(type, e.getKey()));
      Object value = e.getValue();
      if (value == null || (!keepEmptyStrings && "".equals(value))) {
        continue;
      }
      values.put(field.name(), FieldValues.coerce(field, value));
    }
    return values;
  }

  private static ActionException unknownField(ActionType type, String name) {
    return new ActionException(
        "Unknown standard field "
            + name
            + " for the "
            + type.name().toLowerCase()
            + " action; pass further fields in otherFields",
        ActionMessages.CODE_PAYLOAD_VALIDATION,
        ActionMessages.STATUS_BAD_REQUEST);
  }
}
