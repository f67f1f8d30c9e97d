package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up rules: no built-in credentials outside the demo profile, every missing setting reported
 * by one start; a configured org replaces the emulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

  @TempDir Path dataDir;

  @Test
  void withoutProfileAndSettingsOneStartReportsEveryMissingSettingOnOneLineWithTheFix(
      CapturedOutput output) {
    assertThatThrownBy(() -> start().close())
        .isInstanceOfSatisfying(
            MissingSettingsException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0))
                  .startsWith(
                      "camunda.bpm.admin-user.password (CAMUNDA_ADMIN_PASSWORD) is "
                          + "required: the admin user 'admin' has no password");
              assertThat(e.problems().get(1))
                  .startsWith("sfactions.intake.write-key is required")
                  .contains("SFACTIONS_INTAKE_WRITEKEY");
            });

    // what the user sees: Spring Boot's report of the analysis, no stack trace
    String report =
        output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
    String description =
        report
            .lines()
            .dropWhile(line -> !line.equals("Description:"))
            .skip(2)
            .findFirst()
            .orElseThrow();
    assertThat(description)
        .startsWith("Missing or invalid settings (2): camunda.bpm.admin-user.password")
        .contains("; sfactions.intake.write-key is required");
    assertThat(report)
        .contains("Action:")
        .contains("SFACTIONS_INTAKE_WRITEKEY")
        .contains("--spring.profiles.active=demo")
        .contains("docs/configuration.md")
        .doesNotContain("Caused by")
        .doesNotContain("\tat ");
  }

  @Test
  void everyInvalidSettingIsReportedTogetherAndNoSecretValueIsShown() {
    assertThatThrownBy(
            () ->
                start(
                        "--camunda.bpm.admin-user.password=admin",
                        "--sfactions.intake.write-key=",
                        "--sfactions.intake.replay-batch-size=0",
                        "--sfactions.connections.default.login-url=https://acme.my.salesforce.com",
                        "--sfactions.connections.default.auth.flow=client-credentials",
                        "--sfactions.connections.default.auth.client-secret=top-secret-value")
                    .close())
        .isInstanceOfSatisfying(
            MissingSettingsException.class,
            e -> {
              assertThat(e.problems()).hasSize(4);
              assertThat(e.getMessage())
                  .doesNotContain("\n")
                  .doesNotContain("top-secret-value")
                  .contains(
                      "camunda.bpm.admin-user.password (CAMUNDA_ADMIN_PASSWORD) must not be the user id")
                  .contains("sfactions.intake.write-key is required")
                  .contains("sfactions.intake.replay-batch-size must be at least 1")
                  .contains(
                      "sfactions.connections.default.auth.client-id is required for the client-credentials flow");
            });
  }

  @Test
  void thePostgresProfileNeedsItsCredentials() {
    assertThatThrownBy(
            () ->
                start(
                        "--spring.profiles.active=postgres",
                        "--camunda.bpm.admin-user.password=pw",
                        "--sfactions.intake.write-key=k",
                        "--spring.datasource.url=jdbc:postgresql://localhost:1/none")
                    .close())
        .isInstanceOfSatisfying(
            MissingSettingsException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "spring.datasource.username (POSTGRES_USER) is required for the PostgreSQL database",
                        "spring.datasource.password (POSTGRES_PASSWORD) is required for the PostgreSQL database"));
  }

  @Test
  void aConfiguredOrgIsUsedAndNoEmulatorStarts() {
    try (ConfigurableApplicationContext app =
        start(
            "--camunda.bpm.admin-user.password=pw",
            "--sfactions.intake.write-key=k",
            "--sfactions.connections.default.login-url=https://acme.my.salesforce.com",
            "--sfactions.connections.default.auth.flow=client-credentials",
            "--sfactions.connections.default.auth.client-id=consumer-key",
            "--sfactions.connections.default.auth.client-secret=consumer-secret")) {
      assertThat(app.getBeanProvider(SalesforceEmulator.class).getIfAvailable()).isNull();
      assertThat(app.getBean(StartupBanner.class).text(8080))
          .contains("the org of sfactions.connections.*")
          .contains("(configured, not shown)")
          .doesNotContain("password pw")
          .doesNotContain("consumer-secret");
    }
  }

  /**
   * Starts the app with these arguments, on free ports and an in-memory database unless they say
   * otherwise.
   */
  private ConfigurableApplicationContext start(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    for (String common :
        List.of(
            "--server.port=0",
            "--examples.data-dir=" + dataDir,
            "--examples.emulator.port=0",
            "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime(),
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.process-engine-name=startup")) {
      String name = common.substring(0, common.indexOf('=') + 1);
      if (all.stream().noneMatch(arg -> arg.startsWith(name))) {
        all.add(common);
      }
    }
    return new SpringApplicationBuilder(ExamplesApplication.class).run(all.toArray(String[]::new));
  }
}
