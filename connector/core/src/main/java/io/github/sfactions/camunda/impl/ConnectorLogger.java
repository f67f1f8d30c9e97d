package io.github.sfactions.camunda.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log messages of the connectors and their engine plugins, numbered {@code SFA-02xxx} so that
 * they can be searched and alerted on; docs/log-messages.md lists them.
 */
public final class ConnectorLogger {

  /** Name of the logger of the one line per failed Salesforce job attempt. */
  public static final String JOB_FAILURES = "io.github.sfactions.camunda.JobFailures";

  /** Name of the logger of the other connector messages. */
  public static final String NAME = "io.github.sfactions.camunda";

  private static final Logger FAILURES = LoggerFactory.getLogger(JOB_FAILURES);
  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private ConnectorLogger() {}

  /** A Salesforce job attempt failed; {@code next} says what the engine does next. */
  public static void jobFailed(
      String jobId, String processInstanceId, String activityId, String next, String description) {
    FAILURES.warn(
        "SFA-02001 Job {} (process instance {}, activity {}) failed, {}: {}",
        jobId,
        processInstanceId,
        activityId,
        next,
        description);
  }

  /** The engine keeps its own command context factory, and with it its stack-trace logging. */
  public static void ownCommandContextFactory(String engineName, Class<?> factory) {
    LOG.debug(
        "SFA-02002 Engine {} has its own CommandContextFactory ({}): failed Salesforce jobs keep"
            + " the engine's ENGINE-16004 stack trace",
        engineName,
        factory.getName());
  }

  /** Rolling back our own SQL of a failed engine command failed. */
  public static void rollbackFailed(Exception e) {
    LOG.warn(
        "SFA-02003 Could not roll back the sfactions table changes of a failed engine command: {}",
        e.getMessage());
  }

  /** Record locks are in force for this engine. */
  public static void recordLocksInstalled(String engineName, int buckets, Object retention) {
    LOG.info(
        "SFA-02004 Engine {}: actions on one record take turns ({} lock rows in SFA_RECORD_LOCK),"
            + " arrival order kept for {}",
        engineName,
        buckets,
        retention);
  }
}
