package io.github.sfactions.bpmn;

import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One emulated org for every engine test of this module. The engine (cached by camunda-bpm-junit5
 * per configuration) reads its connection from {@code camunda.cfg.xml} once, through {@code
 * ${sys:...}} references published here before the first engine starts, so the emulator outlives
 * single test classes.
 */
public final class TestSalesforce {

  private static final SalesforceEmulator EMULATOR = start();

  private TestSalesforce() {}

  private static SalesforceEmulator start() {
    SalesforceEmulator emulator =
        SalesforceEmulator.builder()
            .object(
                new EmulatorConfig.SObject(
                    "Invoice__c",
                    List.of(
                        EmulatorConfig.Field.externalId("Ext__c"),
                        EmulatorConfig.Field.of("Amount__c", "double"),
                        EmulatorConfig.Field.text("Status__c", 40))))
            .start();
    System.setProperty("sfactions.test.loginUrl", emulator.loginUrl());
    System.setProperty("sfactions.test.clientSecret", SalesforceEmulator.DEMO_CLIENT_SECRET);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(emulator::close, "sfactions-bpmn-test-emulator-stop"));
    return emulator;
  }

  /** The shared emulator reset to its initial state (records, counters, request log, faults). */
  public static SalesforceEmulator fresh() {
    EMULATOR.reset();
    return EMULATOR;
  }

  /** The shared emulator as it is. */
  public static SalesforceEmulator get() {
    return EMULATOR;
  }

  /** Data requests received (token requests left out), oldest first, as "METHOD path". */
  public static List<String> dataCalls() {
    return EMULATOR.requests().stream()
        .filter(r -> r.path().startsWith("/services/data/"))
        .map(r -> r.method() + " " + r.path().replaceFirst("/services/data/v[0-9.]+", ""))
        .toList();
  }

  /** The decoded SOQL of the queries received, oldest first. */
  public static List<String> queries() {
    return EMULATOR.requests().stream()
        .filter(r -> r.path().endsWith("/query") || r.path().endsWith("/query/"))
        .map(TestSalesforce::soql)
        .toList();
  }

  private static String soql(RecordedRequest request) {
    String query = request.query();
    return URLDecoder.decode(query.substring(query.indexOf("q=") + 2), StandardCharsets.UTF_8);
  }
}
