package io.github.sfactions.spring.intake;

import java.util.List;

/**
 * Progress of a replay of a JSON-lines file.
 *
 * @param lines lines read so far (blank lines included)
 * @param result what became of the valid events so far
 * @param rejected lines that were not valid events (skipped)
 * @param problems the first problems found, each naming its line
 * @param done true for the last report
 */
public record ReplayProgress(long lines, IntakeResult result, long rejected, List<String> problems, boolean done) {

  public ReplayProgress {
    problems = List.copyOf(problems);
  }
}
