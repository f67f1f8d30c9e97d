package io.github.sfactions.spring.intake;

import io.github.sfactions.spring.intake.InvalidEventException.Reason;

/**
 * Receives the intake's counts (the Micrometer implementation counts {@code
 * sfactions.intake.events} by {@code outcome}, {@code sfactions.intake.events.invalid} by {@code
 * reason} and {@code sfactions.intake.instances.started}).
 */
public interface IntakeMetrics {

  /** Counts nothing. */
  IntakeMetrics NONE =
      new IntakeMetrics() {
        @Override
        public void accepted(IntakeResult result) {
          // nothing to count into
        }

        @Override
        public void rejected(int requests) {
          // nothing to count into
        }
      };

  /** Counts a committed group of events. */
  void accepted(IntakeResult result);

  /** Counts requests refused with a 4xx answer as a whole. */
  void rejected(int requests);

  /**
   * Counts events refused for a reason: the event of a refused single-event request, an invalid
   * item of a batch, a skipped line of a replay.
   */
  default void invalid(Reason reason, int events) {
    // counted by implementations that care
  }
}
