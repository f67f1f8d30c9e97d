package io.github.sfactions.camunda.impl;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Failed-job handling that reads the retryable flag of a Salesforce failure. It wraps the factory
 * the engine already has (its default, the Spring Boot starter's, or another plugin's), so that
 * factory still does the bookkeeping: exception and stack trace on the job (Cockpit), lock release,
 * the retry cycle of {@code camunda:failedJobRetryTimeCycle} or the engine default. Afterwards, for
 * a Salesforce failure only:
 *
 * <ul>
 *   <li>not retryable: retries are set to 0, so the incident is created now with the failure's
 *       message instead of after a retry cycle that repeats the same rejection and its API calls;
 *   <li>one WARN line on {@value #LOGGER_NAME} names the job, the connector, action, status,
 *       errorCode, message and what happens next. The stack trace stays on the job.
 * </ul>
 *
 * Other failures are left to the wrapped factory unchanged.
 */
public final class RetryAwareFailedJobCommandFactory implements FailedJobCommandFactory {

  /** Logger of the one line per failed attempt. */
  public static final String LOGGER_NAME = ConnectorLogger.JOB_FAILURES;

  private final FailedJobCommandFactory delegate;

  /** Wraps the factory that does the engine's usual failed-job bookkeeping. */
  public RetryAwareFailedJobCommandFactory(FailedJobCommandFactory delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The wrapped factory. */
  public FailedJobCommandFactory delegate() {
    return delegate;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    Command<Object> standard = delegate.getCommand(jobId, exception);
    if (JobFailures.recordBusy(exception)) {
      return commandContext -> retrySoonKeepingRetries(commandContext, jobId, standard, exception);
    }
    Optional<RuntimeException> ours = JobFailures.find(exception);
    if (ours.isEmpty()) {
      return standard;
    }
    boolean retryable = JobFailures.retryable(ours.get());
    String description = JobFailures.describe(ours.get());
    return commandContext -> {
      Object result = standard.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null) {
        if (!retryable && job.getRetries() > 0) {
          job.setRetries(0);
        }
        ConnectorLogger.jobFailed(
            jobId,
            job.getProcessInstanceId(),
            job.getActivityId(),
            next(retryable, job.getRetries()),
            description);
      }
      return result;
    };
  }

  /**
   * A job that could not take its record's turn: the usual bookkeeping (the exception on the job),
   * then its retries as they were and a due date a second or two from now (spread, so that waiting
   * jobs do not all come back at once).
   */
  private static Object retrySoonKeepingRetries(
      CommandContext commandContext, String jobId, Command<Object> standard, Throwable exception) {
    JobEntity before = commandContext.getJobManager().findJobById(jobId);
    int retries = before == null ? -1 : before.getRetries();
    Object result = standard.execute(commandContext);
    JobEntity job = commandContext.getJobManager().findJobById(jobId);
    if (job != null && retries > 0) {
      job.setRetries(retries);
      long wait = 1000 + (long) (Math.random() * 1000);
      job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait));
      ConnectorLogger.jobFailed(
          jobId,
          job.getProcessInstanceId(),
          job.getActivityId(),
          "record busy: tried again in " + wait + " ms, retries kept at " + retries,
          String.valueOf(exception.getMessage()));
    }
    return result;
  }

  private static String next(boolean retryable, int retriesLeft) {
    if (!retryable) {
      return "not retryable: retries set to 0 (incident)";
    }
    return retriesLeft > 0
        ? "retryable: " + retriesLeft + (retriesLeft == 1 ? " retry" : " retries") + " left"
        : "retryable, no retries left (incident)";
  }
}
