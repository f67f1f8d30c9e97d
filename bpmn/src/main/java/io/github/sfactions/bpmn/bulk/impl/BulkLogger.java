package io.github.sfactions.bpmn.bulk.impl;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk ingest's log messages, numbered {@code SFA-05xxx} so that they can be searched and alerted
 * on; docs/log-messages.md lists them.
 */
public final class BulkLogger {

  /** Name of the logger of every bulk ingest message. */
  static final String NAME = "io.github.sfactions.bpmn.bulk";

  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private BulkLogger() {}

  static void fullBatch(String groupKey) {
    LOG.debug("SFA-05001 Bulk group {} holds a full batch; starting a bulk ingest run", groupKey);
  }

  static void abortFailed(String jobId, RuntimeException e) {
    LOG.warn(
        "SFA-05002 Could not abort bulk job {} after its upload failed: {}", jobId, e.getMessage());
  }

  static void outcomeDropped(Object entryId, String processInstanceId) {
    LOG.info(
        "SFA-05003 Dropping the bulk outcome of entry {}: process instance {} no longer exists",
        entryId,
        processInstanceId);
  }

  static void expiredClaimsReleased(int released, Duration claimTimeout) {
    LOG.warn(
        "SFA-05005 Released {} bulk records whose claim was older than {} without results",
        released,
        claimTimeout);
  }

  static void sizeTriggerFailed(String groupKey, RuntimeException e) {
    LOG.warn(
        "SFA-05007 Could not start a bulk ingest run for the full group {} (the flush timer will"
            + " send it): {}",
        groupKey,
        e.getMessage());
  }

  static void strayResults(String jobId, int strays, String claimId) {
    LOG.warn(
        "SFA-05006 Bulk job {} returned {} result rows that match no queued record of claim {}",
        jobId,
        strays,
        claimId);
  }

  static void microTriggerFailed(String groupKey, RuntimeException e) {
    LOG.warn(
        "SFA-05008 Could not start a micro-batch flush for group {} (the sweep will send it): {}",
        groupKey,
        e.getMessage());
  }

  static void microRecordsPutBack(int records, String sobject, String reason) {
    LOG.warn(
        "SFA-05009 Put {} micro-batch {} records back into the queue after a technical failure: {}",
        records,
        sobject,
        reason);
  }

  static void microOutcomeDropped(Object entryId, String processInstanceId) {
    LOG.info(
        "SFA-05010 Dropping the micro-batch outcome of entry {}: process instance {} no longer"
            + " exists",
        entryId,
        processInstanceId);
  }

  /** The micro-batch queue's depth could not be read for the metrics gauges. */
  public static void microBatchDepthUnreadable(RuntimeException e, boolean first) {
    // once per run of failures: a database that stays down must not flood the log every scrape
    if (first) {
      LOG.warn("SFA-05011 The micro-batch queue's depth cannot be read for metrics: {}", e, e);
    }
  }

  /** Recording a micro-batch flush in the meter registry failed (the flush itself succeeded). */
  public static void microBatchMetricsFailed(RuntimeException e) {
    LOG.warn("SFA-05012 A micro-batch flush could not be recorded in metrics: {}", e.toString(), e);
  }
}
