package io.github.sfactions.action;

import io.github.sfactions.action.impl.JsTruthiness;
import io.github.sfactions.action.impl.RecordBody;
import io.github.sfactions.client.JsNumbers;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveResult;
import io.github.sfactions.client.SoqlBuildException;
import io.github.sfactions.client.UpsertResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one action over REST with the reference's semantics (§4–§7) and our deviations (§12).
 *
 * <p>Order of checks: object name, operation / sync mode, custom object's other fields, then per
 * operation: create → required fields → POST; update/upsert/delete → matchers given → (upsert:
 * required fields) → matchers not empty → {@code Id} shortcut (update, delete) or operator, SOQL
 * lookup, write. Business outcomes are {@link ActionException}s; technical failures are the
 * client's {@link SalesforceApiException}s, unchanged.
 *
 * <p>Thread-safe: holds only the (thread-safe) client.
 */
public final class ActionExecutor {

  private static final String ID = "Id";

  private final SalesforceClient client;
  private final RecordLookup lookup;
  private final RecordGuard guard;

  /**
   * An executor over this client without a {@link RecordGuard}: concurrent actions for one record
   * are not kept apart. Each action counts its own API calls ({@link ActionResult#apiCalls()}).
   */
  public ActionExecutor(SalesforceClient client) {
    this(client, RecordGuard.NONE);
  }

  /**
   * An executor over this client whose lookups and writes by matchers take their turn in {@code
   * guard}.
   */
  public ActionExecutor(SalesforceClient client, RecordGuard guard) {
    this.client = Objects.requireNonNull(client, "client");
    this.lookup = new RecordLookup(client);
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * Runs the action now (REST). Requests for a batched delivery must go to a queue instead.
   *
   * @throws ActionException for business outcomes (300, 400, 404)
   * @throws SalesforceApiException for technical failures
   */
  public ActionResult execute(ActionRequest request) {
    ApiCallCounter calls = new ApiCallCounter();
    try {
      // an executor over a view of the client that counts this action's calls only
      Written written = new ActionExecutor(calls.on(client), guard).write(request);
      return new ActionResult(
          written.recordId, written.outcome, written.matchCount, written.status, calls.count());
    } catch (SoqlBuildException e) {
      // an object name, field name or record Id that is not valid: rejected before any HTTP call
      // (deviation 11)
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  private Written write(ActionRequest request) {
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
    if (operation == Operation.CREATE) {
      RequiredFields.check(request.type(), standard);
      return create(sobject, body, null);
    }
    Map<String, Object> matchers = request.recordMatchers();
    if (operation == Operation.UPSERT && hasText(request.externalIdField())) {
      RequiredFields.check(request.type(), standard);
      return nativeUpsert(
          sobject, request.externalIdField(), matchers == null ? Map.of() : matchers, body);
    }
    if (matchers == null) {
      throw new ActionException(
          ActionMessages.UNDEFINED_LOOKUP_TRAITS,
          ActionMessages.CODE_LOOKUP_TRAITS,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return switch (operation) {
      case UPDATE -> {
        RecordGuard.Turn turn = enter(sobject, matchers, request);
        yield update(target(operation, sobject, matchers, request), sobject, body, turn);
      }
      case UPSERT -> upsert(request, sobject, matchers, standard, body);
      case DELETE -> {
        enter(sobject, matchers, request);
        yield delete(sobject, target(operation, sobject, matchers, request));
      }
      case CREATE -> throw new IllegalStateException("create is handled above");
    };
  }

  private Written upsert(
      ActionRequest request,
      String sobject,
      Map<String, Object> matchers,
      Map<String, Object> standard,
      Map<String, Object> body) {
    RequiredFields.check(request.type(), standard);
    if (matchers.isEmpty()) {
      throw undefinedTraits(Operation.UPSERT);
    }
    RecordGuard.Turn turn = enter(sobject, matchers, request);
    String id;
    try {
      id = lookup.single(sobject, matchers, request.recordMatchersOperator());
    } catch (ActionException e) {
      if (e.status() == ActionMessages.STATUS_NOT_FOUND) {
        Written created = create(sobject, body, 0);
        turn.wrote(body.keySet());
        return created;
      }
      throw e;
    }
    return update(new Target(id, 1), sobject, body, turn);
  }

  /**
   * Takes this action's turn on the record before its lookup; empty matchers are refused later,
   * with the operation's own message.
   */
  private RecordGuard.Turn enter(
      String sobject, Map<String, Object> matchers, ActionRequest request) {
    if (matchers.isEmpty()) {
      return RecordGuard.Turn.FREE;
    }
    return guard.enter(sobject, matchers, request.recordMatchersOperator());
  }

  /**
   * Deviation 10: one {@code PATCH /sobjects/X/Field/value}; the value comes from the matchers or
   * the body.
   */
  private Written nativeUpsert(
      String sobject,
      String externalIdField,
      Map<String, Object> matchers,
      Map<String, Object> body) {
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
    Map<String, Object> fields = new LinkedHashMap<>(body);
    fields.keySet().removeIf(k -> k.equalsIgnoreCase(externalIdField));
    String text = value instanceof Number n ? JsNumbers.format(n) : value.toString();
    try {
      UpsertResult result = client.upsert(sobject, externalIdField, text, fields);
      return new Written(
          result.id(),
          result.created() ? Outcome.CREATED : Outcome.UPDATED,
          result.created() ? 0 : 1,
          result.created() ? 201 : 200);
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    }
  }

  private static Object valueOf(Map<String, Object> map, String key) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The record an update or delete addresses: the {@code Id} shortcut, else the single lookup
   * match.
   */
  private Target target(
      Operation operation, String sobject, Map<String, Object> matchers, ActionRequest request) {
    if (matchers.isEmpty()) {
      throw undefinedTraits(operation);
    }
    Object id = matchers.get(ID);
    if (JsTruthiness.isTruthy(id)) {
      return new Target(id.toString(), 1);
    }
    return new Target(lookup.single(sobject, matchers, request.recordMatchersOperator()), 1);
  }

  private Written create(String sobject, Map<String, Object> body, Integer matchCount) {
    try {
      // the HTTP status is the outcome (spec §7): a 2xx created the record, whatever its body says
      SaveResult result = client.create(sobject, body);
      return new Written(result.id(), Outcome.CREATED, matchCount, 201);
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    }
  }

  /**
   * Writes the fields no later-arrived event has written; when a later event wrote them all, the
   * record already holds what this event would leave after it, and nothing is sent.
   */
  private Written update(
      Target target, String sobject, Map<String, Object> body, RecordGuard.Turn turn) {
    Map<String, Object> fields = turn.unwritten(body);
    if (fields.isEmpty() && !body.isEmpty()) {
      return new Written(target.id, Outcome.UPDATED, target.matchCount, 204);
    }
    try {
      client.update(sobject, target.id, fields);
      turn.wrote(fields.keySet());
      return new Written(target.id, Outcome.UPDATED, target.matchCount, 204);
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    }
  }

  private Written delete(String sobject, Target target) {
    try {
      client.delete(sobject, target.id);
      return new Written(target.id, Outcome.DELETED, target.matchCount, 204);
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isEmpty();
  }

  private static ActionException undefinedTraits(Operation operation) {
    return new ActionException(
        ActionMessages.undefinedTraits(operation),
        ActionMessages.CODE_UNDEFINED_TRAITS,
        ActionMessages.STATUS_BAD_REQUEST);
  }

  private record Target(String id, int matchCount) {}

  private record Written(String recordId, Outcome outcome, Integer matchCount, int status) {}
}
