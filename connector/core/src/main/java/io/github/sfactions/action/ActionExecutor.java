package io.github.sfactions.action;

import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveResult;
import io.github.sfactions.client.SoqlBuildException;
import io.github.sfactions.client.UpsertResult;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one action over REST with the reference's semantics (§4–§7) and our deviations (§12).
 *
 * <p>Every check that needs no call is {@link PreparedAction#prepare} (shared with {@link
 * GroupExecutor}); then the SOQL lookup (update, upsert, delete without the {@code Id} shortcut)
 * and the write. Business outcomes are {@link ActionException}s; technical failures are the
 * client's {@link SalesforceApiException}s, unchanged.
 *
 * <p>Thread-safe: holds only the (thread-safe) client.
 */
public final class ActionExecutor {

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
      throw PreparedAction.invalid(e);
    }
  }

  private Written write(ActionRequest request) {
    PreparedAction action = PreparedAction.prepare(request);
    String sobject = action.sobject();
    Map<String, Object> body = action.body();
    return switch (action.kind()) {
      case CREATE -> create(sobject, body, null);
      case NATIVE_UPSERT -> nativeUpsert(action);
      case UPDATE_BY_ID, UPDATE_BY_MATCHERS -> {
        RecordGuard.Turn turn = enter(action);
        yield update(target(action), sobject, body, turn);
      }
      case UPSERT_BY_MATCHERS -> upsert(action);
      case DELETE_BY_ID, DELETE_BY_MATCHERS -> {
        enter(action);
        yield delete(sobject, target(action));
      }
    };
  }

  private Written upsert(PreparedAction action) {
    RecordGuard.Turn turn = enter(action);
    String id;
    try {
      id = lookup.single(action.sobject(), action.matchers(), action.operator());
    } catch (ActionException e) {
      if (e.status() == ActionMessages.STATUS_NOT_FOUND) {
        Written created = create(action.sobject(), action.body(), 0);
        turn.wrote(action.body().keySet());
        return created;
      }
      throw e;
    }
    return update(new Target(id, 1), action.sobject(), action.body(), turn);
  }

  /** Takes this action's turn on the record before its lookup (or its write by Id). */
  private RecordGuard.Turn enter(PreparedAction action) {
    return guard.enter(action.sobject(), action.matchers(), action.operator());
  }

  /** Deviation 10: one {@code PATCH /sobjects/X/Field/value}, the value checked by prepare. */
  private Written nativeUpsert(PreparedAction action) {
    try {
      UpsertResult result =
          client.upsert(
              action.sobject(),
              action.externalIdField(),
              action.externalIdValue(),
              action.bodyWithoutExternalId());
      return new Written(
          result.id(),
          result.created() ? Outcome.CREATED : Outcome.UPDATED,
          result.created() ? 0 : 1,
          result.created() ? 201 : 200);
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    }
  }

  /**
   * The record an update or delete addresses: the {@code Id} shortcut, else the single lookup
   * match.
   */
  private Target target(PreparedAction action) {
    if (action.targetId() != null) {
      return new Target(action.targetId(), 1);
    }
    return new Target(lookup.single(action.sobject(), action.matchers(), action.operator()), 1);
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

  private record Target(String id, int matchCount) {}

  private record Written(String recordId, Outcome outcome, Integer matchCount, int status) {}
}
