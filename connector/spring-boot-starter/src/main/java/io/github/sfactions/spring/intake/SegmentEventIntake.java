package io.github.sfactions.spring.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.camunda.ArrivalOrder;
import io.github.sfactions.camunda.trigger.TriggerExpression;
import io.github.sfactions.camunda.trigger.TriggerScriptEngineFactory;
import io.github.sfactions.spring.intake.impl.IntakeLogger;
import io.github.sfactions.spring.intake.impl.MessageIdLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Starts the processes whose triggers match incoming events.
 *
 * <p>A process declares its trigger as a conditional start event whose condition is written in the
 * trigger language ({@code language="segment"}, see {@link TriggerExpression}); every process whose
 * trigger matches an event starts, with the event as the Spin JSON variable {@value
 * #EVENT_VARIABLE} and the event's messageId as business key. All events of one call are handled in
 * one engine transaction: when {@link #accept} returns, the started instances are committed; when
 * it throws, none are.
 *
 * <p>Duplicates: an event whose messageId is the business key of a process instance started within
 * the dedupe window (or that appeared earlier in the same call) is ignored; two calls sharing a
 * messageId run one after the other on this node, calls without one in common run concurrently. An
 * event that starts no process is counted and logged. Thread-safe.
 */
public class SegmentEventIntake {

  /** The process variable holding the event. */
  public static final String EVENT_VARIABLE = TriggerScriptEngineFactory.EVENT_VARIABLE;

  private final ProcessEngine engine;
  private final Duration dedupeWindow;
  private final IntakeMetrics metrics;
  private final MessageIdLocks locks = new MessageIdLocks();

  /** An intake starting processes in this engine. */
  public SegmentEventIntake(ProcessEngine engine, Duration dedupeWindow, IntakeMetrics metrics) {
    this.engine = engine;
    this.dedupeWindow = dedupeWindow;
    this.metrics = metrics;
  }

  /**
   * Starts the processes of validated, completed events (as the HTTP endpoints and {@link
   * EventReplay} make them) in one transaction.
   *
   * @return what became of the events, once the transaction is committed
   */
  public IntakeResult accept(List<ObjectNode> events) {
    if (events.isEmpty()) {
      return IntakeResult.NONE;
    }
    List<String> messageIds = events.stream().map(e -> e.get("messageId").asText()).toList();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // A request holds the locks of its own messageIds until its transaction has ended: a retry of
    // one of them on this node waits and its duplicate check sees the committed start; requests
    // without a messageId in common run side by side.
    IntakeResult result =
        locks.withLocks(
            messageIds,
            () ->
                configuration
                    .getCommandExecutorTxRequired()
                    .execute(new StartCommand(events, configuration)));
    metrics.accepted(result);
    return result;
  }

  /** The messageIds of the requests this node is starting (or waiting to start) now. */
  Set<String> messageIdsInProgress() {
    return locks.lockedMessageIds();
  }

  /** Starts the matching processes of each event, inside one command (one transaction). */
  private final class StartCommand implements Command<IntakeResult> {

    private final List<ObjectNode> events;
    private final ProcessEngineConfigurationImpl configuration;

    StartCommand(List<ObjectNode> events, ProcessEngineConfigurationImpl configuration) {
      this.events = events;
      this.configuration = configuration;
    }

    @Override
    public IntakeResult execute(CommandContext commandContext) {
      boolean anyTrigger =
          !commandContext
              .getEventSubscriptionManager()
              .findConditionalStartEventSubscription()
              .isEmpty();
      Set<String> seen = new HashSet<>();
      List<String> started = new ArrayList<>();
      int duplicates = 0;
      int unmatched = 0;
      for (ObjectNode event : events) {
        String messageId = event.get("messageId").asText();
        if (!seen.add(messageId) || startedBefore(messageId)) {
          duplicates++;
          IntakeLogger.duplicate(messageId);
          continue;
        }
        List<ProcessInstance> instances = anyTrigger ? start(event, messageId) : List.of();
        if (instances.isEmpty()) {
          unmatched++;
          IntakeLogger.unmatched(messageId, describe(event));
        } else {
          instances.forEach(pi -> started.add(pi.getId()));
        }
      }
      return new IntakeResult(events.size(), duplicates, unmatched, started);
    }

    private List<ProcessInstance> start(ObjectNode event, String messageId) {
      return engine
          .getRuntimeService()
          .createConditionEvaluation()
          .processInstanceBusinessKey(messageId)
          .setVariable(EVENT_VARIABLE, SpinValues.jsonValue(event.toString()).create())
          // concurrent instances for one record write in this order (RecordLocks)
          .setVariable(ArrivalOrder.VARIABLE, ArrivalOrder.next())
          .evaluateStartConditions();
    }

    private boolean startedBefore(String messageId) {
      if (configuration.getHistoryLevel().getId() == HistoryLevel.HISTORY_LEVEL_NONE.getId()) {
        return engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(messageId)
                .count()
            > 0;
      }
      Date since = new Date(System.currentTimeMillis() - dedupeWindow.toMillis());
      return engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(messageId)
              .startedAfter(since)
              .count()
          > 0;
    }
  }

  private static String describe(ObjectNode event) {
    String type = event.path("type").asText();
    return "track".equals(type) ? "track \"" + event.path("event").asText() + "\"" : type;
  }
}
