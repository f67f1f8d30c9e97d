package io.github.sfactions.examples;

import java.util.List;

/**
 * The app cannot start: settings it needs are missing or invalid. Carries every problem found, so
 * that one start reports all of them ({@link MissingSettingsFailureAnalyzer} prints them); secret
 * values never appear in it.
 */
public class MissingSettingsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** One exception for all problems, each a sentence naming its property. */
  public MissingSettingsException(List<String> problems) {
    super("Missing or invalid settings (" + problems.size() + "): " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
