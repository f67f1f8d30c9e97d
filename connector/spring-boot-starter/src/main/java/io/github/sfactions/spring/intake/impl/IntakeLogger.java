package io.github.sfactions.spring.intake.impl;

import io.github.sfactions.spring.intake.ReplayProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event intake's log messages, numbered {@code SFA-04xxx} so that they can be searched and
 * alerted on; docs/log-messages.md lists them.
 */
public final class IntakeLogger {

  /** Name of the logger of every intake message. */
  public static final String NAME = "io.github.sfactions.spring.intake";

  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private IntakeLogger() {}

  /** An event whose message id was seen before was skipped. */
  public static void duplicate(String messageId) {
    LOG.debug("SFA-04001 Event {} is a duplicate and ignored", messageId);
  }

  /** An event matched no deployed trigger. */
  public static void unmatched(String messageId, String event) {
    LOG.info(
        "SFA-04002 Event {} ({}) started no process: no deployed trigger matches it",
        messageId,
        event);
  }

  /** The application brings its own expression manager, which the intake leaves alone. */
  public static void ownExpressionManager(Class<?> expressionManager) {
    LOG.info(
        "SFA-04003 Expression manager {} is the application's own: ${{event.traits.email}}-style"
            + " JSON access is not added",
        expressionManager.getName());
  }

  static void notStored(RuntimeException e) {
    LOG.error(
        "SFA-04004 Incoming events could not be stored; the sender was answered 500 and should"
            + " retry",
        e);
  }

  static void replayProgress(ReplayProgress p) {
    LOG.info(
        "SFA-04005 Replay: {} lines, {} events, {} instances started, {} duplicates, {} unmatched,"
            + " {} rejected{}",
        p.lines(),
        p.events(),
        p.started(),
        p.duplicates(),
        p.unmatched(),
        p.rejected(),
        p.done() ? " (done)" : "");
  }

  static void replayStopped(String why, Exception e) {
    LOG.error("SFA-04006 Replay stopped: {}", why, e);
  }

  static void errorAnswerNotWritten(Exception e) {
    LOG.debug("SFA-04007 Could not write the intake's error answer to a refused request", e);
  }

  static void backfillFailed(String what, RuntimeException e) {
    LOG.error("SFA-04008 Back-fill request failed: {}; the sender was answered 500", what, e);
  }
}
