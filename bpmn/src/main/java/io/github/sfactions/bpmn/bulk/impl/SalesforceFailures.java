package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.client.SalesforceApiException;

/**
 * Which Salesforce failures are the batch's business (fail its records) and which are technical
 * (retry).
 */
final class SalesforceFailures {

  private SalesforceFailures() {}

  /**
   * True for a definite rejection (4xx that is not about limits, sessions or locks): retrying
   * cannot help.
   */
  static boolean isRejection(RuntimeException e) {
    return e instanceof SalesforceApiException api
        && !api.retryable()
        && api.status() >= 400
        && api.status() < 500
        && api.status() != 401
        && api.status() != 403;
  }

  /** A short description: Salesforce's code and message. */
  static String describe(RuntimeException e) {
    if (e instanceof SalesforceApiException api) {
      return api.status()
          + " "
          + (api.errorCode() == null ? "" : api.errorCode() + ": ")
          + (api.salesforceMessage() == null ? api.getMessage() : api.salesforceMessage());
    }
    return e.getMessage();
  }
}
