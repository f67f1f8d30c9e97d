package io.github.sfactions.client.impl;

import io.github.sfactions.client.ApiOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Salesforce client's log messages, numbered {@code SFA-01xxx} so that they can be searched and
 * alerted on; docs/log-messages.md lists them.
 */
final class ClientLogger {

  /** Name of the logger of every client message. */
  static final String NAME = "io.github.sfactions.client";

  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private ClientLogger() {}

  static void apiCall(
      String method, String pathTemplate, ApiOperation operation, int status, long durationNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "SFA-01001 Salesforce {} {} ({}) -> {} in {} ms",
          method,
          pathTemplate,
          operation,
          status,
          durationNanos / 1_000_000);
    }
  }

  static void listenerFailed(String method, String pathTemplate, RuntimeException e) {
    LOG.warn("SFA-01002 ApiCallListener failed for {} {}: {}", method, pathTemplate, e.toString());
  }

  static void resentOnStaleConnection(String method, String pathTemplate, Exception e) {
    LOG.debug(
        "SFA-01003 {} {} went out on a connection the server had closed ({}); sending it again",
        method,
        pathTemplate,
        e.toString());
  }
}
