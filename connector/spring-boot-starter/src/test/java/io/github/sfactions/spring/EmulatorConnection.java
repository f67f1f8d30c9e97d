package io.github.sfactions.spring;

import io.github.sfactions.emulator.SalesforceEmulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** {@code sfactions.connections.NAME.*} properties that reach an emulated org, for Spring tests. */
public final class EmulatorConnection {

  private EmulatorConnection() {}

  /** A password-flow connection named {@code name} to the emulator's demo user. */
  public static void password(
      DynamicPropertyRegistry registry, String name, SalesforceEmulator emulator) {
    String p = "sfactions.connections." + name + ".";
    registry.add(p + "login-url", emulator::loginUrl);
    registry.add(p + "allow-local-instance", () -> "true");
    registry.add(p + "auth.flow", () -> "password");
    registry.add(p + "auth.client-id", () -> SalesforceEmulator.DEMO_CLIENT_ID);
    registry.add(p + "auth.client-secret", () -> SalesforceEmulator.DEMO_CLIENT_SECRET);
    registry.add(p + "auth.username", () -> SalesforceEmulator.DEMO_USERNAME);
    registry.add(p + "auth.password", () -> SalesforceEmulator.DEMO_PASSWORD);
    registry.add(p + "auth.security-token", () -> SalesforceEmulator.DEMO_SECURITY_TOKEN);
  }
}
