package io.github.sfactions.emulator;

import java.util.List;

/** Org configurations shared by tests. */
final class TestOrgs {
  private TestOrgs() {}

  /**
   * Demo org plus Foo__c with a unique external id, a non-unique external id on Case, and
   * Lead.Ext__c.
   */
  static SalesforceEmulator.Builder withCustomObjects() {
    return SalesforceEmulator.builder()
        .object(
            new EmulatorConfig.SObject(
                "Foo__c",
                List.of(
                    EmulatorConfig.Field.externalId("Ext__c"),
                    EmulatorConfig.Field.of("Amount__c", "currency"),
                    EmulatorConfig.Field.of("Count__c", "int"),
                    EmulatorConfig.Field.of("Active__c", "boolean"),
                    EmulatorConfig.Field.of("When__c", "datetime"),
                    EmulatorConfig.Field.text("Code__c", 5),
                    EmulatorConfig.Field.builder("Level__c")
                        .picklist("Low", "High")
                        .restricted()
                        .build(),
                    EmulatorConfig.Field.builder("Account__c").referenceTo("Account").build())))
        .object(
            new EmulatorConfig.SObject(
                "Case",
                List.of(
                    EmulatorConfig.Field.builder("Ticket__c")
                        .length(40)
                        .externalId()
                        .unique(false)
                        .build())))
        .object(
            new EmulatorConfig.SObject("Lead", List.of(EmulatorConfig.Field.externalId("Ext__c"))))
        .object(
            new EmulatorConfig.SObject(
                "Account", List.of(EmulatorConfig.Field.externalId("Customer_Number__c"))));
  }
}
