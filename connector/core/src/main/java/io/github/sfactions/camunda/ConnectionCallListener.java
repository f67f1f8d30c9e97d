package io.github.sfactions.camunda;

import io.github.sfactions.client.ApiCall;

/**
 * Notified of every HTTP call a connection of {@link SalesforceConnections} makes, with the name of
 * the connection that made it (metrics, logging). Called on the calling thread after the response
 * was read; exceptions thrown here are logged and ignored by the client.
 */
@FunctionalInterface
public interface ConnectionCallListener {

  /**
   * One call of one connection.
   *
   * @param connection the registered name of the connection whose client made the call
   * @param call what the call did
   */
  void onCall(String connection, ApiCall call);
}
