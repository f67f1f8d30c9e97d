package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code salesforce} health indicator stays UP across pauses longer than the server's idle
 * timeout (the defect: the first check after a pause went out on a connection the server had closed
 * and reported DOWN).
 */
class SalesforceHealthAcrossIdleTest {

  /** The emulator closes connections idle for 1 s; the pauses below last twice that. */
  private static final SalesforceEmulator EMULATOR =
      SalesforceEmulator.builder().idleTimeout(Duration.ofSeconds(1)).start();

  private static final Duration PAUSE = Duration.ofSeconds(2);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(SalesforceConnections.class, SalesforceConnections::new)
          .withConfiguration(
              AutoConfigurations.of(
                  SalesforceAutoConfiguration.class, SalesforceHealthAutoConfiguration.class))
          .withPropertyValues("sfactions.health.cache-time-to-live=0s");

  @AfterAll
  static void stopEmulator() {
    EMULATOR.close();
  }

  private static String[] connection(String name) {
    String p = "sfactions.connections." + name + ".";
    return new String[] {
      p + "login-url=" + EMULATOR.loginUrl(),
      p + "allow-local-instance=true",
      p + "auth.flow=client-credentials",
      p + "auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
      p + "auth.client-secret=" + SalesforceEmulator.DEMO_CLIENT_SECRET
    };
  }

  @Test
  void upBeforeAndAfterEachPauseLongerThanTheServersIdleTimeout() {
    // "short": a keep-alive below the server's idle timeout, the pool never hands out a closed
    // connection;
    // "default": 20 s, above this server's 1 s, so the stale connection is met and the GET sent
    // once more
    runner
        .withPropertyValues(connection("short"))
        .withPropertyValues("sfactions.connections.short.keep-alive=500ms")
        .withPropertyValues(connection("default"))
        .run(
            context -> {
              SalesforceHealthIndicator indicator =
                  context.getBean(SalesforceHealthIndicator.class);
              long limitsBefore = limitsCalls();
              for (int check = 0; check < 3; check++) {
                if (check > 0) {
                  Thread.sleep(PAUSE.toMillis());
                }
                Health health = indicator.health();
                assertThat(health.getStatus())
                    .as("check %d: %s", check, health)
                    .isEqualTo(Status.UP);
                assertThat(health.getDetails().values())
                    .allSatisfy(
                        details -> assertThat(((Map<?, ?>) details).get("status")).isEqualTo("UP"));
              }
              // every check reached Salesforce once per connection: no call was doubled
              assertThat(limitsCalls() - limitsBefore).isEqualTo(6);
              assertThat(EMULATOR.stats().tokenRequests()).isEqualTo(2);
            });
  }

  private static long limitsCalls() {
    return EMULATOR.stats().byOperation().getOrDefault("limits", 0L);
  }
}
