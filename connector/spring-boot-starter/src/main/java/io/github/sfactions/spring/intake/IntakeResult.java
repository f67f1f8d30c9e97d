package io.github.sfactions.spring.intake;

import java.util.List;

/**
 * What became of a group of accepted events.
 *
 * @param events events received
 * @param duplicates events ignored because their messageId already started a process within the
 *     window (or appeared earlier in the same group)
 * @param unmatched events that started no process (no trigger matched)
 * @param processInstanceIds the process instances started, in event order
 */
public record IntakeResult(
    int events, int duplicates, int unmatched, List<String> processInstanceIds) {

  /** An empty result. */
  public static final IntakeResult NONE = new IntakeResult(0, 0, 0, List.of());

  public IntakeResult {
    processInstanceIds = List.copyOf(processInstanceIds);
  }

  /** The number of process instances started. */
  public int started() {
    return processInstanceIds.size();
  }

  /** This result plus another. */
  public IntakeResult plus(IntakeResult other) {
    List<String> ids = new java.util.ArrayList<>(processInstanceIds);
    ids.addAll(other.processInstanceIds);
    return new IntakeResult(
        events + other.events, duplicates + other.duplicates, unmatched + other.unmatched, ids);
  }
}
