package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The H2 file database keeps accepted events' waiting instances across a restart; the next start
 * finishes them.
 */
class RestartTest {

  @TempDir Path dataDir;

  @Test
  void waitingInstancesSurviveARestartAndFinish() {
    String email = "restart@example.com";
    try (ConfigurableApplicationContext first = start(false)) {
      IntakeClient intake = new IntakeClient(port(first));
      assertThat(
              intake
                  .post(
                      "/v1/identify",
                      "{\"userId\": \"r1\", \"messageId\": \"restart-1\", \"traits\": {"
                          + "\"email\": \""
                          + email
                          + "\", \"last_name\": \"Restart\", \"company\": \"Reboot\"}}")
                  .body())
          .contains("\"started\":1");
      assertThat(first.getBean(RuntimeService.class).createProcessInstanceQuery().count())
          .isEqualTo(1);
    }

    try (ConfigurableApplicationContext second = start(true)) {
      RuntimeService runtime = second.getBean(RuntimeService.class);
      SalesforceEmulator salesforce = second.getBean(SalesforceEmulator.class);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (runtime.createProcessInstanceQuery().count() > 0 && Instant.now().isBefore(deadline)) {
        Thread.onSpinWait();
      }
      assertThat(runtime.createProcessInstanceQuery().count()).isZero();
      assertThat(salesforce.records("Lead"))
          .singleElement()
          .satisfies(
              lead ->
                  assertThat(lead)
                      .containsEntry("Email", email)
                      .containsEntry("LastName", "Restart"));
      // the same event again after the restart is still recognised as a retry
      IntakeClient intake = new IntakeClient(port(second));
      assertThat(
              intake
                  .post(
                      "/v1/identify",
                      "{\"userId\": \"r1\", \"messageId\": \"restart-1\", \"traits\": {"
                          + "\"email\": \""
                          + email
                          + "\"}}")
                  .body())
          .contains("\"duplicates\":1");
    }
  }

  private ConfigurableApplicationContext start(boolean jobExecutor) {
    return new SpringApplicationBuilder(ExamplesApplication.class)
        .run(
            "--spring.profiles.active=test",
            "--server.port=0",
            "--examples.data-dir=" + dataDir,
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.resolve("camunda")
                + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.process-engine-name=restart",
            "--camunda.bpm.job-execution.enabled=" + jobExecutor,
            "--camunda.bpm.job-execution.wait-time-in-millis=200");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
