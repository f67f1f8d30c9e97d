package io.github.sfactions.camunda;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order in which events arrived, for {@link RecordLocks}: a process instance whose variable
 * {@value #VARIABLE} holds an arrival number never overwrites a field of a Salesforce record that
 * an event with a higher number has written, so concurrent events for one record end as if they had
 * been written one by one in arrival order.
 *
 * <p>The event intake sets the variable on every instance it starts. Code that starts instances
 * itself may set it with {@link #next()}; an instance without it is still kept apart from other
 * writers of its record, but not ordered.
 *
 * <p>Numbers are microseconds since the epoch, made strictly increasing within this JVM, so events
 * arriving on several nodes order by their nodes' clocks.
 */
public final class ArrivalOrder {

  /** The process variable holding an instance's arrival number (a {@code Long}). */
  public static final String VARIABLE = "sfactionsArrival";

  private static final AtomicLong LAST = new AtomicLong();

  private ArrivalOrder() {}

  /** The next arrival number of this JVM: now in microseconds, above every one handed out. */
  public static long next() {
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return LAST.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
  }
}
