package io.github.sfactions.action;

import io.github.sfactions.action.impl.JsTruthiness;
import io.github.sfactions.action.impl.RecordBody;
import io.github.sfactions.client.ApiNameRules;
import io.github.sfactions.client.JsNumbers;
import io.github.sfactions.client.SoqlBuildException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action request checked as far as it can be without calling Salesforce, and what it will do.
 * The one copy of the checks that the one-by-one executor ({@link ActionExecutor}) and the group
 * executor ({@link GroupExecutor}) both run, so a bad request gets the same error either way.
 *
 * <p>Order of checks (it decides which error a request with several faults gets): object name,
 * operation / sync mode, custom object's other fields, the record body, then per operation: create
 * → required fields; native upsert → required fields → the external id's value → its field name;
 * update, upsert, delete → matchers given → (upsert: required fields) → matchers not empty → the
 * {@code Id} shortcut's form (update, delete) or the lookup query (operator, matcher names and
 * value types).
 *
 * <p>Immutable.
 */
public final class PreparedAction {

  private static final String ID = "Id";

  /** What the action does to Salesforce. */
  public enum Kind {
    /** Creates a record from the body. */
    CREATE,
    /** Updates the record named by the {@code Id} matcher. */
    UPDATE_BY_ID,
    /** Updates the single record the matchers find. */
    UPDATE_BY_MATCHERS,
    /** Updates the single record the matchers find, or creates one when none matches. */
    UPSERT_BY_MATCHERS,
    /** Upserts by the external id field in one call (deviation 10). */
    NATIVE_UPSERT,
    /** Deletes the record named by the {@code Id} matcher. */
    DELETE_BY_ID,
    /** Deletes the single record the matchers find. */
    DELETE_BY_MATCHERS;

    /** True for the kinds that look the record up by matchers first. */
    public boolean looksUp() {
      return this == UPDATE_BY_MATCHERS || this == UPSERT_BY_MATCHERS || this == DELETE_BY_MATCHERS;
    }

    /** True for the kinds that delete. */
    public boolean deletes() {
      return this == DELETE_BY_ID || this == DELETE_BY_MATCHERS;
    }
  }

  private final String sobject;
  private final Kind kind;
  private final Map<String, Object> body;
  private final Map<String, Object> matchers;
  private final String operator;
  private final String targetId;
  private final String externalIdField;
  private final String externalIdValue;

  private PreparedAction(
      String sobject,
      Kind kind,
      Map<String, Object> body,
      Map<String, Object> matchers,
      String operator,
      String targetId,
      String externalIdField,
      String externalIdValue) {
    this.sobject = sobject;
    this.kind = kind;
    this.body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    this.matchers =
        matchers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(matchers));
    this.operator = operator;
    this.targetId = targetId;
    this.externalIdField = externalIdField;
    this.externalIdValue = externalIdValue;
  }

  /**
   * Checks the request and says what it will do.
   *
   * @throws ActionException the request's first fault, as the reference reports it (400)
   */
  public static PreparedAction prepare(ActionRequest request) {
    try {
      return check(request);
    } catch (SoqlBuildException e) {
      // an object name, field name or record Id that is not valid: rejected before any HTTP call
      // (deviation 11)
      throw invalid(e);
    }
  }

  /** The business error for a name or Id the client refuses before any HTTP call. */
  static ActionException invalid(SoqlBuildException e) {
    return new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
  }

  private static PreparedAction check(ActionRequest request) {
    String sobject = ObjectNames.of(request);
    Operation operation = OperationResolver.resolve(request);
    if (request.type().isCustomObject()
        && operation != Operation.DELETE
        && request.otherFields() == null) {
      throw new ActionException(
          ActionMessages.CUSTOM_FIELDS_REQUIRED,
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    Map<String, Object> standard =
        RecordBody.standardValues(request.type(), request.fields(), false);
    Map<String, Object> body =
        RecordBody.build(request.type(), request.fields(), request.otherFields(), false);
    String operator = request.recordMatchersOperator();
    if (operation == Operation.CREATE) {
      RequiredFields.check(request.type(), standard);
      return new PreparedAction(sobject, Kind.CREATE, body, null, operator, null, null, null);
    }
    Map<String, Object> matchers = request.recordMatchers();
    String externalIdField = request.externalIdField();
    if (operation == Operation.UPSERT && externalIdField != null && !externalIdField.isEmpty()) {
      RequiredFields.check(request.type(), standard);
      String value = externalIdValue(externalIdField, matchers == null ? Map.of() : matchers, body);
      ApiNameRules.requireField(externalIdField);
      return new PreparedAction(
          sobject, Kind.NATIVE_UPSERT, body, matchers, operator, null, externalIdField, value);
    }
    if (matchers == null) {
      throw new ActionException(
          ActionMessages.UNDEFINED_LOOKUP_TRAITS,
          ActionMessages.CODE_LOOKUP_TRAITS,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (operation == Operation.UPSERT) {
      RequiredFields.check(request.type(), standard);
    }
    if (matchers.isEmpty()) {
      throw new ActionException(
          ActionMessages.undefinedTraits(operation),
          ActionMessages.CODE_UNDEFINED_TRAITS,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    Object id = matchers.get(ID);
    if (operation != Operation.UPSERT && JsTruthiness.isTruthy(id)) {
      // the Id shortcut: no lookup, so the operator and the other matchers are never checked
      String targetId = ApiNameRules.requireId(id.toString());
      Kind kind = operation == Operation.DELETE ? Kind.DELETE_BY_ID : Kind.UPDATE_BY_ID;
      return new PreparedAction(sobject, kind, body, matchers, operator, targetId, null, null);
    }
    RecordMatchers.selectIdSoql(sobject, matchers, operator);
    Kind kind =
        switch (operation) {
          case UPDATE -> Kind.UPDATE_BY_MATCHERS;
          case UPSERT -> Kind.UPSERT_BY_MATCHERS;
          case DELETE -> Kind.DELETE_BY_MATCHERS;
          case CREATE -> throw new IllegalStateException("create is handled above");
        };
    return new PreparedAction(sobject, kind, body, matchers, operator, null, null, null);
  }

  /** The external id's value as text: from the matchers, else the body. */
  private static String externalIdValue(
      String externalIdField, Map<String, Object> matchers, Map<String, Object> body) {
    Object value = valueOf(matchers, externalIdField);
    if (value == null) {
      value = valueOf(body, externalIdField);
    }
    if (!JsTruthiness.isTruthy(value)
        || value instanceof Map<?, ?>
        || value instanceof Collection<?>) {
      throw new ActionException(
          "Missing value for external id field "
              + externalIdField
              + ": give it in recordMatchers or in the record's fields",
          ActionMessages.CODE_REQUIRED_FIELD,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return value instanceof Number n ? JsNumbers.format(n) : value.toString();
  }

  private static Object valueOf(Map<String, Object> map, String key) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The object's API name, validated. */
  public String sobject() {
    return sobject;
  }

  public Kind kind() {
    return kind;
  }

  /** The record body in the reference's key order (for a native upsert: with the external id). */
  public Map<String, Object> body() {
    return body;
  }

  /**
   * The body without the external id field (any case): what a native upsert sends, since the value
   * travels in the URL.
   */
  public Map<String, Object> bodyWithoutExternalId() {
    Map<String, Object> fields = new LinkedHashMap<>(body);
    if (externalIdField != null) {
      fields.keySet().removeIf(k -> k.equalsIgnoreCase(externalIdField));
    }
    return fields;
  }

  /** The record matchers; empty when none were given (create, native upsert). */
  public Map<String, Object> matchers() {
    return matchers;
  }

  /** The matchers' operator as given ({@code OR} when null). */
  public String operator() {
    return operator;
  }

  /** The {@code Id} shortcut's record Id (update or delete by Id), else null. */
  public String targetId() {
    return targetId;
  }

  /** The external id field of a native upsert, else null. */
  public String externalIdField() {
    return externalIdField;
  }

  /** The external id's value as text (numbers as JavaScript writes them), else null. */
  public String externalIdValue() {
    return externalIdValue;
  }
}
