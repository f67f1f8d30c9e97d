package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.intake.IntakeMetrics;
import io.github.sfactions.spring.intake.IntakeResult;
import io.github.sfactions.spring.intake.InvalidEventException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Intake counts in Micrometer: {@value #EVENTS} with tag {@code outcome} = {@code accepted}
 * (started at least one process), {@code duplicate}, {@code unmatched} (started none) or {@code
 * rejected} (a refused request), and {@value #INSTANCES}.
 */
public final class MicrometerIntakeMetrics implements IntakeMetrics {

  /** Counter of events by outcome. */
  public static final String EVENTS = "sfactions.intake.events";

  /** Counter of process instances started by events. */
  public static final String INSTANCES = "sfactions.intake.instances.started";

  /** Counter of refused events by reason. */
  public static final String INVALID = "sfactions.intake.events.invalid";

  private final Map<Reason, Counter> invalid = new EnumMap<>(Reason.class);
  private final Counter accepted;
  private final Counter duplicate;
  private final Counter unmatched;
  private final Counter rejected;
  private final Counter instances;

  /** Metrics registered in this registry. */
  public MicrometerIntakeMetrics(MeterRegistry registry) {
    this.accepted = events(registry, "accepted");
    this.duplicate = events(registry, "duplicate");
    this.unmatched = events(registry, "unmatched");
    this.rejected = events(registry, "rejected");
    this.instances =
        Counter.builder(INSTANCES)
            .description("Process instances started by incoming events")
            .register(registry);
    for (Reason reason : Reason.values()) {
      invalid.put(
          reason,
          Counter.builder(INVALID)
              .description("Incoming Segment events refused, by reason")
              .tag("reason", reason.tag())
              .register(registry));
    }
  }

  @Override
  public void accepted(IntakeResult result) {
    accepted.increment(result.events() - result.duplicates() - result.unmatched());
    duplicate.increment(result.duplicates());
    unmatched.increment(result.unmatched());
    instances.increment(result.started());
  }

  @Override
  public void rejected(int requests) {
    rejected.increment(requests);
  }

  @Override
  public void invalid(Reason reason, int events) {
    invalid.get(reason).increment(events);
  }

  private static Counter events(MeterRegistry registry, String outcome) {
    return Counter.builder(EVENTS)
        .description("Incoming Segment events by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
