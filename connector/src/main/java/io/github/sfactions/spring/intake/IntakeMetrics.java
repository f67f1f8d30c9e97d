package io.github.sfactions.spring.intake;

/**
 * Receives the intake's counts (the Micrometer implementation counts {@code sfactions.intake.events} by
 * {@code outcome} and {@code sfactions.intake.instances.started}).
 */
public interface IntakeMetrics {

  /** Counts nothing. */
  IntakeMetrics NONE = new IntakeMetrics() {
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

  /** Counts requests refused with a 4xx answer (their events are not looked at). */
  void rejected(int requests);
}
