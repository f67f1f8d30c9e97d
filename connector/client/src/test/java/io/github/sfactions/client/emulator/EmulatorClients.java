package io.github.sfactions.client.emulator;

import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.List;

/** Builds clients for the emulator's demo org. */
final class EmulatorClients {

  /** Lead with an external id field, for upserts and bulk correlation. */
  static final EmulatorConfig.SObject LEAD_WITH_EXT_ID =
      new EmulatorConfig.SObject(
          "Lead",
          List.of(
              EmulatorConfig.Field.externalId("Ext__c"),
              // A non-unique external id: an upsert by it can match several records (300).
              EmulatorConfig.Field.builder("Code__c")
                  .length(80)
                  .externalId()
                  .unique(false)
                  .caseSensitive(false)
                  .build()));

  private EmulatorClients() {}

  static PasswordFlow demoPassword() {
    return new PasswordFlow(
        SalesforceEmulator.DEMO_CLIENT_ID,
        SalesforceEmulator.DEMO_CLIENT_SECRET,
        SalesforceEmulator.DEMO_USERNAME,
        SalesforceEmulator.DEMO_PASSWORD,
        SalesforceEmulator.DEMO_SECURITY_TOKEN);
  }

  static ConnectionSettings.Builder settings(SalesforceEmulator emulator, AuthFlow flow) {
    return ConnectionSettings.builder()
        .loginUrl(emulator.loginUrl())
        .allowLocalInstance(true)
        .auth(flow);
  }

  static SalesforceClient client(SalesforceEmulator emulator, ApiCallListener listener) {
    return SalesforceClient.create(settings(emulator, demoPassword()).build(), listener);
  }

  static SalesforceClient client(SalesforceEmulator emulator) {
    return client(emulator, ApiCallListener.NONE);
  }

  /** Requests the emulator logged whose path contains {@code fragment}. */
  static List<RecordedRequest> requests(
      SalesforceEmulator emulator, String method, String fragment) {
    return emulator.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().contains(fragment))
        .toList();
  }
}
