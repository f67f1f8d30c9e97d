package io.github.sfactions.spring.impl;

import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spring Boot auto-configuration's log messages, numbered {@code SFA-03xxx} so that they can be
 * searched and alerted on; docs/log-messages.md lists them.
 */
public final class SpringLogger {

  /** Name of the logger of every auto-configuration message. */
  public static final String NAME = "io.github.sfactions.spring";

  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private SpringLogger() {}

  /** No connection is configured under {@code prefix.connections.*}. */
  public static void noConnections(String prefix) {
    LOG.info("SFA-03001 No Salesforce connection configured under {}.connections.*", prefix);
  }

  /** The connections registered from the properties (their settings print no secret). */
  public static void connectionsRegistered(Map<String, ?> settings) {
    LOG.info("SFA-03002 Salesforce connections registered: {}", settings);
  }

  /** No connection carries the default name, so every task must name one. */
  public static void noDefaultConnection(String defaultName, String connectionInput) {
    LOG.info(
        "SFA-03003 No connection is named '{}': every Salesforce task must name its connection"
            + " (input '{}')",
        defaultName,
        connectionInput);
  }

  /** The engine settings the plugin applied. */
  public static void engineDefaults(
      String engineName, boolean exceptionsAfterUnhandledBpmnError, Collection<String> names) {
    LOG.debug(
        "SFA-03004 Engine {}: enableExceptionsAfterUnhandledBpmnError={}, Salesforce connections"
            + " from sfactions.*: {}",
        engineName,
        exceptionsAfterUnhandledBpmnError,
        names);
  }
}
