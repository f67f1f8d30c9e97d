package io.github.sfactions.client;

import java.util.List;

/**
 * Connection properties that do not make a valid {@link ConnectionSettings}: every problem found,
 * one sentence each, naming the property as the caller spells it and never echoing a secret value.
 */
public class InvalidConnectionSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** An exception listing these problems (at least one). */
  public InvalidConnectionSettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order the properties are checked. */
  public List<String> problems() {
    return problems;
  }
}
