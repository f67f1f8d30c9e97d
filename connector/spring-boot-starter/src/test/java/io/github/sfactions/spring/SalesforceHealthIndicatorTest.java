package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code salesforce} health indicator over real HTTP to the emulator, without an engine. */
class SalesforceHealthIndicatorTest {

  private static final SalesforceEmulator EMULATOR =
      SalesforceEmulator.builder()
          .dailyApiLimit(5000)
          .jwtKey(SalesforceEmulator.DEMO_CLIENT_ID, TestKeys.pair().getPublic())
          .start();
  private static final String WRONG_PASSWORD = "wrong-password-42";

  /**
   * A registry of its own: connections other test classes leave in the global one do not count
   * here.
   */
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(SalesforceConnections.class, SalesforceConnections::new)
          .withConfiguration(
              AutoConfigurations.of(
                  SalesforceAutoConfiguration.class, SalesforceHealthAutoConfiguration.class));

  @AfterAll
  static void stopEmulator() {
    EMULATOR.close();
  }

  @BeforeEach
  void resetEmulator() {
    EMULATOR.reset();
  }

  private String[] connection(String name, String password) {
    String p = "sfactions.connections." + name + ".";
    return new String[] {
      p + "login-url=" + EMULATOR.loginUrl(),
      p + "allow-local-instance=true",
      p + "auth.flow=password",
      p + "auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
      p + "auth.client-secret=" + SalesforceEmulator.DEMO_CLIENT_SECRET,
      p + "auth.username=" + SalesforceEmulator.DEMO_USERNAME,
      p + "auth.password=" + password,
      p + "auth.security-token=" + SalesforceEmulator.DEMO_SECURITY_TOKEN
    };
  }

  @Test
  void upWithTheRemainingDailyApiRequestsOfEachConnection() {
    EMULATOR.createRecord("Lead", Map.of("LastName", "Seeded", "Company", "Acme"));
    runner
        .withPropertyValues(connection("health-up", SalesforceEmulator.DEMO_PASSWORD))
        .withPropertyValues("sfactions.health.cache-time-to-live=0s")
        .run(
            context -> {
              Health health =
                  context
                      .getBean("salesforceHealthIndicator", SalesforceHealthIndicator.class)
                      .health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              @SuppressWarnings("unchecked")
              Map<String, Object> details =
                  (Map<String, Object>) health.getDetails().get("health-up");
              assertThat(details)
                  .containsEntry("status", "UP")
                  .containsEntry("authFlow", "username-password")
                  .containsEntry("loginUrl", EMULATOR.loginUrl())
                  .containsEntry(SalesforceHealthIndicator.MAX, 5000L)
                  // the /limits call itself is the first API call of the day
                  .containsEntry(SalesforceHealthIndicator.REMAINING, 4999L);
              assertThat((String) details.get("instanceUrl")).startsWith(EMULATOR.instanceUrl());
            });
  }

  @Test
  void everyAuthFlowConfiguredInSpringLogsInToTheEmulator() {
    String refreshToken = EMULATOR.issueRefreshToken(SalesforceEmulator.DEMO_USERNAME);
    String base = "sfactions.connections.";
    runner
        .withPropertyValues(connection("flow-password", SalesforceEmulator.DEMO_PASSWORD))
        .withPropertyValues(
            base + "flow-cc.login-url=" + EMULATOR.loginUrl(),
            base + "flow-cc.allow-local-instance=true",
            base + "flow-cc.auth.flow=client-credentials",
            base + "flow-cc.auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
            base + "flow-cc.auth.client-secret=" + SalesforceEmulator.DEMO_CLIENT_SECRET,
            base + "flow-refresh.login-url=" + EMULATOR.loginUrl(),
            base + "flow-refresh.allow-local-instance=true",
            base + "flow-refresh.auth.flow=refresh-token",
            base + "flow-refresh.auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
            base + "flow-refresh.auth.client-secret=" + SalesforceEmulator.DEMO_CLIENT_SECRET,
            base + "flow-refresh.auth.refresh-token=" + refreshToken,
            base + "flow-jwt.login-url=" + EMULATOR.loginUrl(),
            base + "flow-jwt.allow-local-instance=true",
            base + "flow-jwt.auth.flow=jwt-bearer",
            base + "flow-jwt.auth.client-id=" + SalesforceEmulator.DEMO_CLIENT_ID,
            base + "flow-jwt.auth.username=" + SalesforceEmulator.DEMO_USERNAME,
            base + "flow-jwt.auth.private-key=" + TestKeys.privateKeyPem())
        .run(
            context -> {
              Health health = context.getBean(SalesforceHealthIndicator.class).health();
              assertThat(health.getDetails())
                  .containsOnlyKeys("flow-password", "flow-cc", "flow-refresh", "flow-jwt");
              assertThat(health.getDetails().values())
                  .allSatisfy(
                      details -> assertThat(((Map<?, ?>) details).get("status")).isEqualTo("UP"));
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(EMULATOR.stats().tokenRequests()).isEqualTo(4);
            });
  }

  @Test
  void downWithAReadableReasonAndNoSecretWhenTheCredentialsAreWrong() {
    runner
        .withPropertyValues(connection("health-ok", SalesforceEmulator.DEMO_PASSWORD))
        .withPropertyValues(connection("health-bad", WRONG_PASSWORD))
        .run(
            context -> {
              Health health = context.getBean(SalesforceHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              @SuppressWarnings("unchecked")
              Map<String, Object> bad = (Map<String, Object>) health.getDetails().get("health-bad");
              assertThat(bad)
                  .containsEntry("status", "DOWN")
                  .containsEntry("errorCode", "400")
                  .containsEntry("httpStatus", 400);
              assertThat((String) bad.get("error"))
                  .startsWith("authentication failure [")
                  .contains("username-password flow", "OAuth error invalid_grant");
              assertThat(health.toString())
                  .doesNotContain(WRONG_PASSWORD)
                  .doesNotContain(SalesforceEmulator.DEMO_CLIENT_SECRET);
              @SuppressWarnings("unchecked")
              Map<String, Object> ok = (Map<String, Object>) health.getDetails().get("health-ok");
              assertThat(ok).containsEntry("status", "UP");
            });
  }

  @Test
  void resultsAreReusedWithinTheCacheTimeToLiveSoChecksDoNotSpendTheApiAllocation() {
    runner
        .withPropertyValues(connection("health-cached", SalesforceEmulator.DEMO_PASSWORD))
        .withPropertyValues("sfactions.health.cache-time-to-live=10m")
        .run(
            context -> {
              SalesforceHealthIndicator indicator =
                  context.getBean(SalesforceHealthIndicator.class);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              assertThat(EMULATOR.stats().totalApiCalls()).isEqualTo(1);
              assertThat(EMULATOR.stats().tokenRequests()).isEqualTo(1);
            });
  }

  @Test
  void checksUseAClientOfTheirOwnSoTheyStayOutOfTheConnectionsCallListeners() {
    runner
        .withPropertyValues(connection("health-apart", SalesforceEmulator.DEMO_PASSWORD))
        .withPropertyValues("sfactions.health.cache-time-to-live=0s")
        .run(
            context -> {
              SalesforceConnections connections = context.getBean(SalesforceConnections.class);
              List<String> seen = new CopyOnWriteArrayList<>();
              connections.addCallListener(
                  (connection, call) -> seen.add(connection + ":" + call.operation()));
              SalesforceHealthIndicator indicator =
                  context.getBean(SalesforceHealthIndicator.class);

              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
              // two /limits calls on one login of the check's own client, none of them seen by the
              // registry
              assertThat(EMULATOR.stats().totalApiCalls()).isEqualTo(2);
              assertThat(EMULATOR.stats().tokenRequests()).isEqualTo(1);
              assertThat(seen).isEmpty();

              connections
                  .client("health-apart")
                  .create("Lead", Map.of("LastName", "L", "Company", "C"));
              // the connectors' client logs in for itself: the check's session is not shared
              assertThat(EMULATOR.stats().tokenRequests()).isEqualTo(2);
              assertThat(seen).containsExactly("health-apart:TOKEN", "health-apart:CREATE");
            });
  }

  @Test
  void switchedOffByTheActuatorProperty() {
    runner
        .withPropertyValues("management.health.salesforce.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SalesforceHealthIndicator.class));
    runner
        .withPropertyValues("management.health.defaults.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(SalesforceHealthIndicator.class));
  }
}
