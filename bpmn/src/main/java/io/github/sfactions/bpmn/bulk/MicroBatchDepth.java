package io.github.sfactions.bpmn.bulk;

import java.time.Duration;

/**
 * What waits in the queue for micro-batch delivery.
 *
 * @param records records without an outcome yet
 * @param oldestAge how long the oldest of them has waited (zero when none waits)
 */
public record MicroBatchDepth(long records, Duration oldestAge) {

  /** Nothing waits. */
  public static final MicroBatchDepth EMPTY = new MicroBatchDepth(0, Duration.ZERO);
}
