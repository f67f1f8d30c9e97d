package io.github.sfactions.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition from the test thread (never inside a job) until it holds or time is up. */
final class Waits {

  private static final long POLL_MILLIS = 50;

  private Waits() {}

  /** Waits until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> "");
  }

  /**
   * Waits until {@code condition} holds; fails after {@code timeout} naming {@code what} and the
   * {@code state} at that moment.
   */
  static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout + ": " + what + " " + state.get());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting until " + what, e);
      }
    }
  }
}
