package io.github.sfactions.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.emulator.SalesforceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up rules: no built-in credentials outside the demo profile; a configured org replaces the emulator. */
class StartupTest {

  @TempDir
  Path dataDir;

  @Test
  void withoutAnAdminPasswordTheAppDoesNotStart() {
    assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password=", "--sfactions.intake.write-key=k").close())
        .hasStackTraceContaining("The admin user 'admin' has no password: set CAMUNDA_ADMIN_PASSWORD");
  }

  @Test
  void withoutAWriteKeyTheAppDoesNotStart() {
    assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password=pw", "--sfactions.intake.write-key=").close())
        .hasStackTraceContaining("sfactions.intake.write-key is required");
  }

  @Test
  void aConfiguredOrgIsUsedAndNoEmulatorStarts() {
    try (ConfigurableApplicationContext app = start("--camunda.bpm.admin-user.password=pw",
        "--sfactions.intake.write-key=k",
        "--sfactions.connections.default.login-url=https://acme.my.salesforce.com",
        "--sfactions.connections.default.auth.flow=client-credentials",
        "--sfactions.connections.default.auth.client-id=consumer-key",
        "--sfactions.connections.default.auth.client-secret=consumer-secret")) {
      assertThat(app.getBeanProvider(SalesforceEmulator.class).getIfAvailable()).isNull();
      assertThat(app.getBean(StartupBanner.class).text(8080))
          .contains("the org of sfactions.connections.*").contains("(configured, not shown)")
          .doesNotContain("password pw").doesNotContain("consumer-secret");
    }
  }

  private ConfigurableApplicationContext start(String... args) {
    String[] common = {"--server.port=0", "--examples.data-dir=" + dataDir, "--examples.emulator.port=0",
        "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime(), "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.process-engine-name=startup"};
    String[] all = new String[common.length + args.length];
    System.arraycopy(common, 0, all, 0, common.length);
    System.arraycopy(args, 0, all, common.length, args.length);
    return new SpringApplicationBuilder(ExamplesApplication.class).run(all);
  }
}
