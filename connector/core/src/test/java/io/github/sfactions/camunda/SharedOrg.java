package io.github.sfactions.camunda;

import io.github.sfactions.action.TestOrg;
import io.github.sfactions.emulator.SalesforceEmulator;

/**
 * One emulator for every engine test in the JVM. The engine (cached by camunda-bpm-junit5 per
 * configuration) reads its connection from {@code camunda.cfg.xml} once, through {@code ${sys:...}}
 * references that this class publishes before the first engine starts; so the emulator must outlive
 * single test classes.
 */
final class SharedOrg {

  private static final SalesforceEmulator EMULATOR = start();

  private SharedOrg() {}

  private static SalesforceEmulator start() {
    SalesforceEmulator emulator = TestOrg.builder().start();
    System.setProperty("sfactions.test.loginUrl", emulator.loginUrl());
    System.setProperty("sfactions.test.clientSecret", SalesforceEmulator.DEMO_CLIENT_SECRET);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(emulator::close, "sfactions-test-emulator-stop"));
    return emulator;
  }

  /** The shared emulator, reset to its initial state (records, counters, log, faults). */
  static SalesforceEmulator fresh() {
    EMULATOR.reset();
    return EMULATOR;
  }

  /** The shared emulator as it is. */
  static SalesforceEmulator get() {
    return EMULATOR;
  }
}
