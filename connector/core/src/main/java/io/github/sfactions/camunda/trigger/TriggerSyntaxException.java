package io.github.sfactions.camunda.trigger;

/**
 * A trigger expression that does not parse; the message names the position and what was expected.
 */
public class TriggerSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int column;

  /** A syntax error at a 1-based column of the trigger text. */
  public TriggerSyntaxException(String trigger, int column, String problem) {
    super("Invalid trigger '" + trigger + "' at column " + column + ": " + problem);
    this.column = column;
  }

  /** The 1-based column where the problem was found. */
  public int column() {
    return column;
  }
}
