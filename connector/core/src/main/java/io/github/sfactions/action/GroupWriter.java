package io.github.sfactions.action;

import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveError;
import io.github.sfactions.client.SaveResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;

/**
 * A group's writes to one object in sObject Collections calls ({@code allOrNone=false}, at most
 * {@value SalesforceClient#COLLECTION_LIMIT} records a call): creates, updates and deletes by
 * {@code Id}, upserts by an external id. Each record gets the outcome its own single write would
 * have had: created, updated or deleted with its Id, or the same failure — an {@link
 * ActionException} for a record Salesforce rejected ({@code 400}) or cannot find ({@code 404}), a
 * {@link SalesforceApiException} for a technical one (e.g. {@code UNABLE_TO_LOCK_ROW}, retryable).
 * One bad record never fails the others.
 *
 * <p>Writes for the same record (the same Id, or the same external id value) keep their order: a
 * write waits for the next round of calls when an earlier write of the group targets its record, so
 * the later one is applied after the earlier one, as one-by-one writing would. A record addressed
 * once by its Id and once by an external id is not recognised as one: address it one way within a
 * group (a planner that looked the records up knows their Ids).
 *
 * <p>A call that fails as a whole (no answer, a 5xx) throws; which of its records were written is
 * then unknown, so the caller must run the group again from its lookups, never resend its creates
 * blindly. Thread-safe: holds only the client.
 */
public final class GroupWriter {

  private static final String ID = "Id";

  /** What a write does. */
  public enum Kind {
    /** A new record from the fields. */
    CREATE,
    /** The record {@code recordId}, with the fields. */
    UPDATE,
    /** The record {@code recordId}. */
    DELETE,
    /** The record whose {@code externalIdField} holds the fields' value for it, else a new one. */
    UPSERT
  }

  /** One record's write. */
  public record Write(
      Kind kind, String recordId, String externalIdField, Map<String, Object> fields) {

    public Write {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.UPDATE || kind == Kind.DELETE)
          && (recordId == null || recordId.isEmpty())) {
        throw new IllegalArgumentException(kind + " needs the record's Id");
      }
      if (kind == Kind.UPSERT
          && (externalIdField == null || valueOf(fields, externalIdField) == null)) {
        throw new IllegalArgumentException("UPSERT needs the external id field and its value");
      }
      fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    }
  }

  /**
   * One record's outcome: its Id and what was done with it, or its failure (then {@code recordId}
   * and {@code outcome} are null).
   */
  public record Written(String recordId, Outcome outcome, RuntimeException failure) {}

  private final SalesforceClient client;

  /** Group writes over this client. */
  public GroupWriter(SalesforceClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Writes every record; the outcomes are in the writes' order.
   *
   * @throws SalesforceApiException when a call fails as a whole
   */
  public List<Written> write(String sobject, List<Write> writes) {
    return write(sobject, writes, (written, index) -> {});
  }

  /**
   * Writes every record and hands each outcome to {@code answered} (with the write's index) as soon
   * as its call has answered, so that a caller still knows what the answered calls did when a later
   * call fails as a whole.
   *
   * @throws SalesforceApiException when a call fails as a whole
   */
  public List<Written> write(String sobject, List<Write> writes, ObjIntConsumer<Written> answered) {
    ObjectNames.validate(sobject);
    Written[] outcomes = new Written[writes.size()];
    for (List<Integer> round : rounds(writes)) {
      Map<String, List<Integer>> byCall = new LinkedHashMap<>();
      for (int i : round) {
        Write w = writes.get(i);
        String call = w.kind() == Kind.UPSERT ? "UPSERT:" + w.externalIdField() : w.kind().name();
        byCall.computeIfAbsent(call, c -> new ArrayList<>()).add(i);
      }
      byCall.forEach(
          (call, indexes) -> {
            send(sobject, writes, indexes, outcomes);
            indexes.forEach(i -> answered.accept(outcomes[i], i));
          });
    }
    return List.of(outcomes);
  }

  /**
   * Splits the writes into rounds: a write goes one round after the last earlier write of its
   * record, so that writes of one record are sent in order and never in one call.
   */
  private static List<List<Integer>> rounds(List<Write> writes) {
    Map<String, Integer> lastRound = new HashMap<>();
    TreeMap<Integer, List<Integer>> rounds = new TreeMap<>();
    for (int i = 0; i < writes.size(); i++) {
      String target = target(writes.get(i));
      int round = target == null ? 0 : lastRound.getOrDefault(target, -1) + 1;
      if (target != null) {
        lastRound.put(target, round);
      }
      rounds.computeIfAbsent(round, r -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(rounds.values());
  }

  /** The record a write addresses, or null for a create (always a record of its own). */
  private static String target(Write w) {
    return switch (w.kind()) {
      case CREATE -> null;
      case UPDATE, DELETE -> "id:" + RecordIds.caseSensitive(w.recordId());
      case UPSERT ->
          "ext:"
              + w.externalIdField().toLowerCase(Locale.ROOT)
              + ":"
              + valueOf(w.fields(), w.externalIdField());
    };
  }

  private void send(String sobject, List<Write> writes, List<Integer> indexes, Written[] outcomes) {
    Write first = writes.get(indexes.get(0));
    List<Map<String, Object>> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i : indexes) {
      Write w = writes.get(i);
      if (w.kind() == Kind.DELETE) {
        ids.add(w.recordId());
      } else {
        Map<String, Object> record = new LinkedHashMap<>(w.fields());
        if (w.kind() == Kind.UPDATE) {
          record.keySet().removeIf(k -> k.equalsIgnoreCase(ID));
          record.put(ID, w.recordId());
        }
        records.add(record);
      }
    }
    List<SaveResult> results =
        switch (first.kind()) {
          case CREATE -> client.createAll(sobject, records, false);
          case UPDATE -> client.updateAll(sobject, records, false);
          case DELETE -> client.deleteAll(ids, false);
          case UPSERT -> client.upsertAll(sobject, first.externalIdField(), records, false);
        };
    if (results.size() != indexes.size()) {
      throw SalesforceApiException.builder(
              200,
              "sObject Collections answered "
                  + results.size()
                  + " results for "
                  + indexes.size()
                  + " records")
          .errorCode(SalesforceApiException.INCOMPLETE_RESPONSE)
          .build();
    }
    for (int n = 0; n < indexes.size(); n++) {
      Write w = writes.get(indexes.get(n));
      outcomes[indexes.get(n)] = outcome(w, results.get(n));
    }
  }

  private static Written outcome(Write w, SaveResult result) {
    if (!result.success()) {
      return new Written(null, null, failure(result));
    }
    String id = result.id() != null ? result.id() : w.recordId();
    Outcome outcome =
        switch (w.kind()) {
          case CREATE -> Outcome.CREATED;
          case UPDATE -> Outcome.UPDATED;
          case DELETE -> Outcome.DELETED;
          case UPSERT -> result.created() ? Outcome.CREATED : Outcome.UPDATED;
        };
    return new Written(id, outcome, null);
  }

  /** The failure a single write of the record would have met, classified the same way. */
  private static RuntimeException failure(SaveResult result) {
    SaveError error = result.firstError();
    String code = error == null ? "UNKNOWN_EXCEPTION" : error.statusCode();
    String message = error == null ? "Salesforce did not save the record" : error.message();
    // a single write answers a missing record with 404 and a rejected one with 400
    int status = "NOT_FOUND".equals(code) || "ENTITY_IS_DELETED".equals(code) ? 404 : 400;
    SalesforceApiException e =
        SalesforceApiException.builder(status, message)
            .errorCode(code)
            .salesforceMessage(message)
            .fields(error == null ? List.of() : error.fields())
            .retryable(error != null && error.retryable())
            .build();
    return SalesforceErrors.classify(e);
  }

  private static Object valueOf(Map<String, Object> fields, String field) {
    if (fields == null) {
      return null;
    }
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return null;
  }
}
