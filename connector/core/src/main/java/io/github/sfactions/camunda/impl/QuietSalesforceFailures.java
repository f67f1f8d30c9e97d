package io.github.sfactions.camunda.impl;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper.ExceptionLoggingHandler;

/**
 * Keeps the engine from logging the full stack trace of a Salesforce failure, which {@link
 * RetryAwareFailedJobCommandFactory} already reports in one line and stores on the job.
 *
 * <p>A failed job attempt makes the engine log the exception twice with its whole cause chain:
 * {@code ENGINE-16004 Exception while closing command context} (ERROR, {@code
 * org.camunda.bpm.engine.context}) when the command rolls back, and {@code ENGINE-14006 Exception
 * while executing job} (WARN, {@code org.camunda.bpm.engine.jobexecutor}) in the job executor
 * thread. For Salesforce failures of a job the first is demoted to the engine's own DEBUG level
 * ({@code ENGINE-16002}, with the trace) and the second is skipped; every other exception, and a
 * Salesforce failure of a caller's command (e.g. a synchronous start), is logged exactly as before.
 */
public final class QuietSalesforceFailures {

  private QuietSalesforceFailures() {}

  /** The engine's command context factory with the demoted logging of Salesforce failures. */
  public static final class ContextFactory extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
      return new CommandContext(processEngineConfiguration) {
        @Override
        protected boolean shouldLogFine(Throwable exception) {
          // only a job's failure: its failed-job handling writes the one line; a caller's command
          // keeps the trace
          return super.shouldLogFine(exception)
              || getCurrentJob() != null && JobFailures.find(exception).isPresent();
        }
      };
    }
  }

  /** Wraps the job executor's exception logging (a JVM-wide hook of the engine) once. */
  public static synchronized void installJobExecutorLogging() {
    if (!(ExecuteJobHelper.LOGGING_HANDLER instanceof JobExecutorLogging)) {
      ExecuteJobHelper.LOGGING_HANDLER = new JobExecutorLogging(ExecuteJobHelper.LOGGING_HANDLER);
    }
  }

  private record JobExecutorLogging(ExceptionLoggingHandler previous)
      implements ExceptionLoggingHandler {

    @Override
    public void exceptionWhileExecutingJob(String jobId, Throwable exception) {
      if (JobFailures.find(exception).isEmpty()) {
        previous.exceptionWhileExecutingJob(jobId, exception);
      }
    }
  }
}
