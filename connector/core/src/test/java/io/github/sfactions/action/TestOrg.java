package io.github.sfactions.action;

import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The emulated org the tests run against: demo org plus a custom object and external id fields. */
public final class TestOrg {

  private TestOrg() {}

  /**
   * An emulator extension (started per test class, reset before each test) with the test schema.
   */
  public static EmulatorExtension extension() {
    return new EmulatorExtension(TestOrg::builder);
  }

  /** The emulator builder with the test schema. */
  public static SalesforceEmulator.Builder builder() {
    return SalesforceEmulator.builder()
        .object(
            new EmulatorConfig.SObject(
                "Lead",
                List.of(
                    EmulatorConfig.Field.externalId("Ext__c"),
                    EmulatorConfig.Field.text("Note__c", 255),
                    nonUniqueExternalId("Legacy__c"))))
        .object(
            new EmulatorConfig.SObject(
                "Invoice__c",
                List.of(
                    EmulatorConfig.Field.externalId("Ext__c"),
                    EmulatorConfig.Field.of("Amount__c", "double"),
                    EmulatorConfig.Field.text("Status__c", 40))));
  }

  /** An external id that several records may share: a native upsert on it can answer 300. */
  private static EmulatorConfig.Field nonUniqueExternalId(String name) {
    return EmulatorConfig.Field.builder(name)
        .length(255)
        .externalId()
        .unique(false)
        .caseSensitive(false)
        .build();
  }

  /**
   * Connection settings for the emulator (password flow with the demo user, local instance
   * allowed).
   */
  public static ConnectionSettings settings(SalesforceEmulator emulator) {
    return ConnectionSettings.builder()
        .loginUrl(emulator.loginUrl())
        .allowLocalInstance(true)
        .auth(
            new PasswordFlow(
                SalesforceEmulator.DEMO_CLIENT_ID,
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                SalesforceEmulator.DEMO_USERNAME,
                SalesforceEmulator.DEMO_PASSWORD,
                SalesforceEmulator.DEMO_SECURITY_TOKEN))
        .build();
  }

  /** Data requests the emulator received (token requests left out), oldest first. */
  public static List<RecordedRequest> dataRequests(SalesforceEmulator emulator) {
    return emulator.requests().stream()
        .filter(r -> r.path().startsWith("/services/data/"))
        .toList();
  }

  /** The decoded SOQL of a query request. */
  public static String soql(RecordedRequest request) {
    String query = request.query();
    int q = query.indexOf("q=");
    return URLDecoder.decode(query.substring(q + 2), StandardCharsets.UTF_8);
  }
}
