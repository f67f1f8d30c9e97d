package io.github.sfactions.examples;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Salesforce emulator in this JVM (the demo org) and registers it as the {@code default}
 * connection, when no real org is configured (see {@link OnEmulatedOrgCondition}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmulatedOrgCondition.class)
public class EmulatedOrgConfiguration {

  /** The e-mail of the two seeded duplicate Leads. */
  public static final String DUPLICATE_EMAIL = "pat@globex.example";

  /**
   * The emulated org; its records are kept in the data directory unless {@code persistent=false}.
   */
  @Bean(destroyMethod = "close")
  public SalesforceEmulator salesforceEmulator(ExamplesProperties properties) {
    ExamplesProperties.Emulator settings = properties.getEmulator();
    SalesforceEmulator.Builder builder =
        SalesforceEmulator.builder()
            .port(settings.getPort())
            .instancePort(settings.getPort() == 0 ? 0 : settings.getPort() + 1);
    if (settings.isPersistent()) {
      try {
        Files.createDirectories(properties.getDataDir());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the data directory " + properties.getDataDir(), e);
      }
      builder.dataFile(properties.getDataDir().resolve("salesforce-org.json"));
    }
    SalesforceEmulator emulator = builder.start();
    if (settings.isSeedDuplicateLeads()
        && emulator.records("Lead").stream()
            .noneMatch(lead -> DUPLICATE_EMAIL.equals(lead.get("Email")))) {
      for (String firstName : List.of("Pat", "Patricia")) {
        emulator.createRecord(
            "Lead",
            Map.of(
                "FirstName",
                firstName,
                "LastName",
                "Smith",
                "Company",
                "Globex",
                "Email",
                DUPLICATE_EMAIL));
      }
    }
    return emulator;
  }

  /**
   * The emulated org as the {@code default} connection (client credentials of the demo connected
   * app).
   */
  @Bean
  public EmulatedOrgConnection emulatedOrgConnection(
      SalesforceEmulator emulator, SalesforceConnections connections) {
    ConnectionSettings settings =
        ConnectionSettings.builder()
            .loginUrl(emulator.loginUrl())
            .auth(
                new ClientCredentialsFlow(
                    SalesforceEmulator.DEMO_CLIENT_ID, SalesforceEmulator.DEMO_CLIENT_SECRET))
            .allowLocalInstance(true)
            .build();
    return new EmulatedOrgConnection(
        connections, SalesforceConnections.DEFAULT_CONNECTION, settings);
  }
}
