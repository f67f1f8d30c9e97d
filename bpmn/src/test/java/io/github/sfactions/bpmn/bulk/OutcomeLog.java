package io.github.sfactions.bpmn.bulk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expression bean of the lean caller's end event: records the outcome each instance ended with, so
 * tests with history switched off can still check every instance's own outcome.
 */
public final class OutcomeLog {

  /** The outcome one instance ended with. */
  public record Entry(String outcome, String recordId) {}

  private final Map<String, Entry> byLastName = new ConcurrentHashMap<>();

  /** Called by the end event; a second outcome for one instance is an error. */
  public void add(String lastName, String outcome, String recordId) {
    if (byLastName.putIfAbsent(lastName, new Entry(outcome, recordId)) != null) {
      throw new IllegalStateException("Instance " + lastName + " ended twice");
    }
  }

  public Map<String, Entry> entries() {
    return byLastName;
  }

  public void clear() {
    byLastName.clear();
  }
}
