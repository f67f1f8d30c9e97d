package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.EventSubscriptionQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Delivers stored outcomes to the instances that wait for them (message {@code
 * sfactions.bulk.outcome.<entryId>}), then deletes the delivered rows, all in the calling
 * transaction. An outcome whose instance is gone is dropped; one whose instance exists but does not
 * wait (yet) stays for a later attempt.
 */
final class OutcomeDelivery {

  private static final String MESSAGE = "message";
  private final RuntimeService runtimeService;
  private final BulkEntryStore store;

  OutcomeDelivery(RuntimeService runtimeService, BulkEntryStore store) {
    this.runtimeService = runtimeService;
    this.store = store;
  }

  /** Counts of one delivery pass. */
  record Pass(int delivered, List<PendingOutcome> notWaiting) {}

  Pass deliver(Connection c, List<PendingOutcome> outcomes) {
    List<Long> done = new ArrayList<>(outcomes.size());
    List<PendingOutcome> notWaiting = new ArrayList<>();
    int delivered = 0;
    for (PendingOutcome o : outcomes) {
      if (deliver(o)) {
        delivered++;
        done.add(o.seq());
      } else if (instanceGone(o)) {
        BulkLogger.outcomeDropped(o.entryId(), o.processInstanceId());
        done.add(o.seq());
      } else {
        notWaiting.add(o);
      }
    }
    store.delete(c, done);
    return new Pass(delivered, notWaiting);
  }

  /**
   * Finds the waiting subscription by its unique message name (an indexed lookup) and triggers it,
   * inside the report step's own command. A name-only correlation would scan every execution for a
   * matching subscription (quadratic for a batch of thousands), and {@code
   * RuntimeService.messageEventReceived} would look the same subscription up a second time; at 5000
   * outcomes per batch both show. The waiting activity continues asynchronously ({@link
   * OutcomeAwaitParseListener}), so triggering it only hands over the outcome.
   */
  private boolean deliver(PendingOutcome o) {
    return trigger(BulkIngestVariables.outcomeMessage(o.entryId()), variables(o), false);
  }

  /**
   * Triggers the subscription waiting for {@code message}, if one waits: at once in this
   * transaction, or with {@code async} as a job of its own (the engine's asynchronous event
   * processing), so that the waiting instance continues in its own transaction.
   *
   * @return false when no subscription waits for the message
   */
  static boolean trigger(String message, VariableMap variables, boolean async) {
    CommandContext commandContext = Context.getCommandContext();
    EventSubscriptionQueryImpl query = new EventSubscriptionQueryImpl();
    query.eventType(MESSAGE).eventName(message);
    List<EventSubscription> waiting =
        commandContext
            .getEventSubscriptionManager()
            .findEventSubscriptionsByQueryCriteria(query, new Page(0, 1));
    if (waiting.isEmpty()) {
      return false;
    }
    ((EventSubscriptionEntity) waiting.get(0)).eventReceived(variables, async);
    return true;
  }

  private boolean instanceGone(PendingOutcome o) {
    return instanceGone(runtimeService, o.processInstanceId());
  }

  /** True when no instance of this id exists (or none was given). */
  static boolean instanceGone(RuntimeService runtimeService, String processInstanceId) {
    return processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
            == 0;
  }

  static VariableMap variables(PendingOutcome o) {
    RecordOutcome r = o.outcome();
    VariableMap vars =
        Variables.createVariables()
            .putValue(BulkIngestVariables.RESULT, r.result())
            .putValue(BulkIngestVariables.RECORD_ID, r.recordId())
            .putValue(BulkIngestVariables.JOB_ID, o.jobId());
    if (!r.success()) {
      vars.putValue(BulkIngestVariables.ERROR, r.error());
      vars.putValue(BulkIngestVariables.ERROR_CODE, r.errorCode());
    }
    return vars;
  }
}
