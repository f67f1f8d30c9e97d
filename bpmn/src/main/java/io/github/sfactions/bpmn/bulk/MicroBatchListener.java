package io.github.sfactions.bpmn.bulk;

/**
 * Hears what the micro-batch collector does, for metrics (the Spring Boot starter records them with
 * Micrometer). Called after each flush's transaction committed; implementations must be fast and
 * thread-safe, and must not throw.
 */
public interface MicroBatchListener {

  /** Hears nothing. */
  MicroBatchListener NONE = (connection, sobject, records, apiCalls, oldestWaitMillis) -> {};

  /**
   * A flush sent a group.
   *
   * @param connection the connection name
   * @param sobject the object
   * @param records the records the flush claimed (written, rejected, or put back after a failure)
   * @param apiCalls the Salesforce calls it made
   * @param oldestWaitMillis how long its oldest record had waited in the queue
   */
  void flushed(String connection, String sobject, int records, int apiCalls, long oldestWaitMillis);
}
