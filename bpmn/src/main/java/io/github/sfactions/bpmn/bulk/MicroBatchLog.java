package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.bpmn.bulk.impl.BulkLogger;

/**
 * The micro-batch messages that code outside this module reports (the Spring Boot starter's
 * metrics), numbered in the bulk area's range and logged by its logger; docs/log-messages.md lists
 * them.
 */
public final class MicroBatchLog {

  private MicroBatchLog() {}

  /**
   * {@code SFA-05011}: the queue's depth could not be read for the metrics gauges; WARN when a run
   * of failures starts ({@code first}), DEBUG after.
   */
  public static void depthUnreadable(RuntimeException e, boolean first) {
    BulkLogger.microBatchDepthUnreadable(e, first);
  }

  /** {@code SFA-05012}: recording a flush in the metrics failed (the flush itself succeeded). */
  public static void metricsFailed(RuntimeException e) {
    BulkLogger.microBatchMetricsFailed(e);
  }
}
