package io.github.sfactions.camunda;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the {@link BulkQueue} the action connectors use. JVM-wide because Camunda's connector
 * registry is JVM-wide; the queue implementation registers itself when its engine starts.
 *
 * <p>Registrations stack: the newest one is in force, and unregistering it brings back the one it
 * replaced. So an engine that starts and stops beside another one in the same JVM (a second Spring
 * context, a test engine) leaves the other engine's queue in place instead of leaving none.
 */
public final class BulkQueues {

  private static final Deque<BulkQueue> REGISTERED = new ArrayDeque<>();

  private BulkQueues() {}

  /** Makes this queue the one batched deliveries go to, until it is unregistered. */
  public static synchronized void register(BulkQueue bulkQueue) {
    Objects.requireNonNull(bulkQueue, "bulkQueue");
    REGISTERED.remove(bulkQueue);
    REGISTERED.push(bulkQueue);
  }

  /**
   * Removes the queue; if it was the one in force, the queue registered before it is in force
   * again.
   */
  public static synchronized void unregister(BulkQueue bulkQueue) {
    REGISTERED.remove(bulkQueue);
  }

  /** The queue in force, if any. */
  public static synchronized Optional<BulkQueue> current() {
    return Optional.ofNullable(REGISTERED.peek());
  }
}
