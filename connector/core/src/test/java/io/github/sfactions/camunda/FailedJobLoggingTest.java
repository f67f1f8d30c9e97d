package io.github.sfactions.camunda;

import static io.github.sfactions.camunda.LeadAddVariables.lead;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.sfactions.camunda.impl.RetryAwareFailedJobCommandFactory;
import io.github.sfactions.emulator.FaultType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the job executor logs for failed Salesforce jobs: one WARN line per attempt with connector,
 * action, status, errorCode and message, and no stack trace (that stays on the job, for Cockpit).
 */
class FailedJobLoggingTest extends EngineProcessTestSupport {

  @Test
  @Deployment(resources = "bpmn/lead-add-retry-rules.bpmn")
  void eachFailedAttemptLogsOneLineAndNoStackTrace() throws InterruptedException {
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(captured);
    JobExecutor jobExecutor = engineExtension.getProcessEngineConfiguration().getJobExecutor();
    ProcessInstance retried;
    ProcessInstance rejected;
    try {
      ORG.faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "POST", "/sobjects/Lead", null);
      jobExecutor.start();
      retried =
          runtime.startProcessInstanceByKey("LeadAddUncaught", lead("Doe", "Acme", null, null));
      String retriedId = retried.getId();
      awaitTrue(
          () -> runtime.createProcessInstanceQuery().processInstanceId(retriedId).count() == 0);
      rejected =
          runtime.startProcessInstanceByKey("LeadAddUncaught", lead("Roe", null, null, null));
      String rejectedId = rejected.getId();
      awaitTrue(() -> runtime.createIncidentQuery().processInstanceId(rejectedId).count() == 1);
    } finally {
      jobExecutor.shutdown();
      root.detachAppender(captured);
    }

    List<ILoggingEvent> visible =
        captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    assertThat(visible)
        .allSatisfy(
            e -> {
              assertThat(e.getThrowableProxy())
                  .as("stack trace of %s", e.getFormattedMessage())
                  .isNull();
              assertThat(e.getFormattedMessage())
                  .doesNotContain("\n")
                  .doesNotContain("ENGINE-16004", "ENGINE-14006");
            });
    List<String> lines =
        visible.stream()
            .filter(e -> e.getLoggerName().equals(RetryAwareFailedJobCommandFactory.LOGGER_NAME))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("SFA-02001 Job "));
    assertThat(lines)
        .filteredOn(l -> l.contains("process instance " + retried.getId()))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(
                        "activity AddLead",
                        "retryable: 2 retries left",
                        "connector=salesforce-lead",
                        "action=\"Lead add\"",
                        "status=503",
                        "errorCode=SERVER_UNAVAILABLE",
                        "message=\"salesforce-lead (Lead add) failed (retryable): "));
    assertThat(lines)
        .filteredOn(l -> l.contains("process instance " + rejected.getId()))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains(
                        "not retryable: retries set to 0 (incident)",
                        "connector=salesforce-lead",
                        "action=\"Lead add\"",
                        "status=400",
                        "errorCode=REQUIRED_FIELD_MISSING",
                        "Company"));
    assertThat(visible).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).hasSize(2);

    String jobId =
        management.createJobQuery().processInstanceId(rejected.getId()).singleResult().getId();
    assertThat(management.getJobExceptionStacktrace(jobId))
        .contains("SalesforceConnectorException", "\tat ");
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition met within 30 s").isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
