package io.github.sfactions.camunda;

import java.util.Optional;

/**
 * Holds the {@link BulkQueue} the action connectors use. JVM-wide because Camunda's connector registry is
 * JVM-wide; the queue implementation registers itself when its engine starts.
 */
public final class BulkQueues {

  private static volatile BulkQueue queue;

  private BulkQueues() {
  }

  /** Makes this queue the one batched deliveries go to (replacing any previous one). */
  public static synchronized void register(BulkQueue bulkQueue) {
    queue = java.util.Objects.requireNonNull(bulkQueue, "bulkQueue");
  }

  /** Removes the queue if it is the registered one (so an engine shutting down leaves a newer one alone). */
  public static synchronized void unregister(BulkQueue bulkQueue) {
    if (queue == bulkQueue) {
      queue = null;
    }
  }

  /** The registered queue, if any. */
  public static Optional<BulkQueue> current() {
    return Optional.ofNullable(queue);
  }
}
