package io.github.sfactions.action;

import io.github.sfactions.action.GroupWriter.Kind;
import io.github.sfactions.action.GroupWriter.Write;
import io.github.sfactions.action.GroupWriter.Written;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a group of action requests in a handful of Salesforce calls (micro-batch delivery, issue
 * 12), giving each request the outcome {@link ActionExecutor#execute} would have given it had the
 * requests run one by one in the group's order: the same checks ({@link PreparedAction}), lookups
 * for the whole group in one query per matcher shape ({@link GroupLookup}) and writes in sObject
 * Collections calls ({@link GroupWriter}).
 *
 * <p>Requests must not race: the group works in passes. A pass takes, in order, every unfinished
 * request that cannot see the effect of an earlier unfinished one ({@link Footprint}, or both
 * touching one record) and defers the others to the next pass, which looks them up again after this
 * pass's writes. Writes of one record within a pass keep their order through the writer's rounds.
 * So the group costs one lookup call per shape and one write call per kind for each pass, and only
 * requests that depend on each other add passes.
 *
 * <p>A call that fails as a whole stops the group ({@link Report#stoppedBy()}): what was written
 * keeps its outcome, everything else is left unfinished for the caller to run again (from its
 * lookups: whether the failed call wrote is unknown). Thread-safe: holds only the client.
 */
public final class GroupExecutor {

  private final SalesforceClient client;

  /** A group executor over this (thread-safe) client. */
  public GroupExecutor(SalesforceClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * One request's outcome: its result, or its failure (an {@link ActionException} for a business
   * outcome, a {@link SalesforceApiException} for a technical one of its own record), or neither
   * when the group stopped before finishing it.
   */
  public record Outcome(ActionResult result, RuntimeException failure) {

    private static final Outcome UNFINISHED = new Outcome(null, null);

    /** True when the request has its result or its failure. */
    public boolean finished() {
      return result != null || failure != null;
    }
  }

  /**
   * What a group did.
   *
   * @param outcomes one per request, in the requests' order
   * @param apiCalls every Salesforce call the group made (a request's own {@link
   *     ActionResult#apiCalls()} is 0: its calls are shared)
   * @param wroteSomething true when at least one write call was answered
   * @param stoppedBy the technical failure of a whole call that stopped the group, or null
   */
  public record Report(
      List<Outcome> outcomes,
      int apiCalls,
      boolean wroteSomething,
      SalesforceApiException stoppedBy) {

    public Report {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** Runs the group; never throws for one request's failure, nor for a call that failed. */
  public Report execute(List<ActionRequest> requests) {
    ApiCallCounter calls = new ApiCallCounter();
    Run run = new Run(calls.on(client), requests);
    SalesforceApiException stoppedBy = null;
    try {
      run.all();
    } catch (SalesforceApiException e) {
      stoppedBy = e;
    }
    List<Outcome> outcomes =
        Arrays.stream(run.outcomes).map(o -> o == null ? Outcome.UNFINISHED : o).toList();
    return new Report(outcomes, calls.count(), run.wrote, stoppedBy);
  }

  /** One execution of a group: its state from pass to pass. */
  private static final class Run {

    private final GroupLookup lookup;
    private final GroupWriter writer;
    private final PreparedAction[] actions;
    private final Footprint[] footprints;
    private final Outcome[] outcomes;
    private boolean wrote;

    Run(SalesforceClient client, List<ActionRequest> requests) {
      this.lookup = new GroupLookup(client);
      this.writer = new GroupWriter(client);
      int n = requests.size();
      this.actions = new PreparedAction[n];
      this.footprints = new Footprint[n];
      this.outcomes = new Outcome[n];
      for (int i = 0; i < n; i++) {
        try {
          actions[i] = PreparedAction.prepare(requests.get(i));
          footprints[i] = Footprint.of(actions[i]);
        } catch (ActionException e) {
          outcomes[i] = new Outcome(null, e);
        }
      }
    }

    void all() {
      List<Integer> open = unfinished();
      while (!open.isEmpty()) {
        pass(open);
        open = unfinished();
      }
    }

    private List<Integer> unfinished() {
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < outcomes.length; i++) {
        if (outcomes[i] == null) {
          open.add(i);
        }
      }
      return open;
    }

    /** Looks up and writes every open request that does not depend on an earlier open one. */
    private void pass(List<Integer> open) {
      Map<Integer, GroupLookup.Found> found = lookUp(open);
      List<Step> steps = new ArrayList<>();
      Set<String> passTargets = new HashSet<>();
      for (int i : open) {
        Step step = new Step(i, actions[i], footprints[i], found.get(i));
        step.inPass = steps.stream().noneMatch(earlier -> earlier.conflictsWith(step));
        if (step.inPass) {
          if (step.target != null) {
            passTargets.add(step.target);
          }
        } else if (step.mayWriteExisting()) {
          // what it may write next pass: what it finds now, or a record this pass's earlier
          // writes make it find
          step.reach.addAll(step.found);
          step.reach.addAll(passTargets);
        }
        steps.add(step);
      }
      Map<String, List<Step>> writes = new LinkedHashMap<>();
      for (Step step : steps) {
        if (step.inPass) {
          step.decide();
          if (step.write != null) {
            writes.computeIfAbsent(step.action.sobject(), s -> new ArrayList<>()).add(step);
          }
        }
      }
      writes.forEach(this::write);
    }

    private Map<Integer, GroupLookup.Found> lookUp(List<Integer> open) {
      Map<String, List<Integer>> byObject = new LinkedHashMap<>();
      for (int i : open) {
        if (actions[i].kind().looksUp()) {
          byObject.computeIfAbsent(actions[i].sobject(), s -> new ArrayList<>()).add(i);
        }
      }
      Map<Integer, GroupLookup.Found> found = new LinkedHashMap<>();
      byObject.forEach(
          (sobject, indexes) -> {
            List<GroupLookup.Request> requests =
                indexes.stream()
                    .map(i -> new GroupLookup.Request(actions[i].matchers(), actions[i].operator()))
                    .toList();
            List<GroupLookup.Found> answers = lookup.find(sobject, requests);
            for (int n = 0; n < indexes.size(); n++) {
              found.put(indexes.get(n), answers.get(n));
            }
          });
      return found;
    }

    private void write(String sobject, List<Step> steps) {
      List<Write> writes = steps.stream().map(s -> s.write).toList();
      writer.write(
          sobject,
          writes,
          (written, n) -> {
            wrote = true;
            Step step = steps.get(n);
            outcomes[step.index] = step.outcome(written);
          });
    }

    /** One open request within a pass. */
    private final class Step {
      final int index;
      final PreparedAction action;
      final Footprint footprint;
      final GroupLookup.Found found0;

      /** The records it finds now: its lookup's ids, or the {@code Id} shortcut. */
      final Set<String> found = new HashSet<>();

      /** The existing record it writes this pass, if it is taken and writes one. */
      final String target;

      /** Deferred: the existing records it may write in a later pass. */
      final Set<String> reach = new HashSet<>();

      boolean inPass;
      Write write;
      private Integer matchCount;

      Step(int index, PreparedAction action, Footprint footprint, GroupLookup.Found found0) {
        this.index = index;
        this.action = action;
        this.footprint = footprint;
        this.found0 = found0;
        if (action.targetId() != null) {
          found.add(RecordIds.caseSensitive(action.targetId()));
        } else if (found0 != null && found0.result() != null) {
          found0.result().recordIds().forEach(id -> found.add(RecordIds.caseSensitive(id)));
        }
        this.target = singleTarget();
      }

      private String singleTarget() {
        if (action.targetId() != null) {
          return RecordIds.caseSensitive(action.targetId());
        }
        if (found0 != null && found0.result() != null && found0.result().matchCount() == 1) {
          return found.stream().findFirst().orElse(null);
        }
        return null;
      }

      boolean mayWriteExisting() {
        return action.kind() != PreparedAction.Kind.CREATE;
      }

      private boolean isNative() {
        return action.kind() == PreparedAction.Kind.NATIVE_UPSERT;
      }

      /**
       * True when this request, later in the group, may see or undo the effect of {@code earlier}
       * and so must wait for a later pass.
       */
      boolean conflictsWith(Step later) {
        Step earlier = this;
        if (!earlier.footprint.sobject().equals(later.footprint.sobject())) {
          return false;
        }
        if (earlier.action.kind() == PreparedAction.Kind.CREATE
            && later.action.kind() == PreparedAction.Kind.CREATE) {
          return false;
        }
        if (later.footprint.lookupMeets(earlier.footprint)
            || later.footprint.writeMeets(earlier.footprint)) {
          return true;
        }
        if (earlier.isNative() || later.isNative()) {
          // the record an external id names is known only once written: keep it apart from any
          // other write of an existing record, and from another external id field
          boolean bothNative = earlier.isNative() && later.isNative();
          if (bothNative) {
            return !earlier
                .action
                .externalIdField()
                .equalsIgnoreCase(later.action.externalIdField());
          }
          return earlier.mayWriteExisting() && later.mayWriteExisting();
        }
        if (!earlier.inPass) {
          return !Collections.disjoint(later.found, earlier.reach);
        }
        // in one pass, writes of one record keep their order; only a delete, or a change of a
        // field it looks up by, changes what the later one finds
        return earlier.target != null
            && later.found.contains(earlier.target)
            && (earlier.action.kind().deletes() || earlier.footprint.setsAFieldOf(later.footprint));
      }

      /** Finishes the request without a write (a failure, 0 or many matches) or plans its write. */
      void decide() {
        switch (action.kind()) {
          case CREATE -> write = new Write(Kind.CREATE, null, null, action.body());
          case NATIVE_UPSERT -> {
            Map<String, Object> fields = action.bodyWithoutExternalId();
            fields.put(action.externalIdField(), action.externalIdValue());
            write = new Write(Kind.UPSERT, null, action.externalIdField(), fields);
          }
          case UPDATE_BY_ID -> {
            matchCount = 1;
            write = new Write(Kind.UPDATE, action.targetId(), null, action.body());
          }
          case DELETE_BY_ID -> {
            matchCount = 1;
            write = new Write(Kind.DELETE, action.targetId(), null, null);
          }
          case UPDATE_BY_MATCHERS, UPSERT_BY_MATCHERS, DELETE_BY_MATCHERS -> lookedUp();
        }
      }

      private void lookedUp() {
        if (found0.failure() != null) {
          outcomes[index] = new Outcome(null, found0.failure());
          return;
        }
        String id;
        try {
          id = RecordLookup.single(found0.result());
        } catch (ActionException e) {
          if (action.kind() == PreparedAction.Kind.UPSERT_BY_MATCHERS
              && e.status() == ActionMessages.STATUS_NOT_FOUND) {
            matchCount = 0;
            write = new Write(Kind.CREATE, null, null, action.body());
          } else {
            outcomes[index] = new Outcome(null, e);
          }
          return;
        }
        matchCount = 1;
        write =
            action.kind() == PreparedAction.Kind.DELETE_BY_MATCHERS
                ? new Write(Kind.DELETE, id, null, null)
                : new Write(Kind.UPDATE, id, null, action.body());
      }

      /** The request's outcome from its write's, as its single write would report it. */
      Outcome outcome(Written written) {
        if (written.failure() != null) {
          return new Outcome(null, written.failure());
        }
        // an update or delete reports the Id it addressed, as the single executor does
        String id = write.recordId() != null ? write.recordId() : written.recordId();
        ActionResult result =
            switch (write.kind()) {
              case CREATE -> new ActionResult(id, written.outcome(), matchCount, 201, 0);
              case UPSERT -> {
                boolean created = written.outcome() == io.github.sfactions.action.Outcome.CREATED;
                yield new ActionResult(
                    id, written.outcome(), created ? 0 : 1, created ? 201 : 200, 0);
              }
              case UPDATE, DELETE -> new ActionResult(id, written.outcome(), matchCount, 204, 0);
            };
        return new Outcome(result, null);
      }
    }
  }
}
