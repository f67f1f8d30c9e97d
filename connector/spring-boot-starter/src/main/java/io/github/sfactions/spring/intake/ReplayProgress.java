package io.github.sfactions.spring.intake;

import java.util.List;

/**
 * Progress of a replay of a JSON-lines file. Counts only: it stays the same size however many
 * events a replay starts.
 *
 * @param lines lines read so far (blank lines included)
 * @param events valid events handed to the engine so far
 * @param started process instances started so far
 * @param duplicates events ignored as duplicates so far
 * @param unmatched events that started no process so far
 * @param rejected lines that were not valid events (skipped)
 * @param skipped the first {@link EventReplay#MAX_SKIPPED_LISTED} skipped lines, each with its
 *     number and reason
 * @param done true for the last report
 */
public record ReplayProgress(
    long lines,
    long events,
    long started,
    long duplicates,
    long unmatched,
    long rejected,
    List<SkippedLine> skipped,
    boolean done) {

  public ReplayProgress {
    skipped = List.copyOf(skipped);
  }

  /**
   * A line that was skipped.
   *
   * @param line its number, from 1
   * @param reason why, e.g. {@code line 7: event is required for track}
   */
  public record SkippedLine(long line, String reason) {}
}
