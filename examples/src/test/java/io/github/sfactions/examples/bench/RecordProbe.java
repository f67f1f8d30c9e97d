package io.github.sfactions.examples.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Sees every record's process instance start and end through the engine's history events (a handler
 * beside the database one, so no diagram carries a listener and no query polls the history): the
 * end of an instance of a record's process is one record done, timed from its start. Events of
 * other processes (called processes, the bulk ingest process) are ignored.
 */
public final class RecordProbe implements HistoryEventHandler {

  private static final String START = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName();
  private static final String END = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName();

  private final Set<String> recordProcesses;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private volatile Round round;

  /** A probe counting the instances of these process definition keys. */
  public RecordProbe(Set<String> recordProcesses) {
    this.recordProcesses = Set.copyOf(recordProcesses);
  }

  /** Counts ends into this round from now on. */
  public void begin(Round round) {
    started.clear();
    this.round = round;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity instance)
        || !recordProcesses.contains(instance.getProcessDefinitionKey())) {
      return;
    }
    if (START.equals(event.getEventType())) {
      started.putIfAbsent(instance.getProcessInstanceId(), System.nanoTime());
    } else if (END.equals(event.getEventType())) {
      Long start = started.remove(instance.getProcessInstanceId());
      Round current = round;
      // an end seen twice (its first transaction rolled back and was retried) counts once
      if (start != null && current != null) {
        current.ended(System.nanoTime() - start);
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
