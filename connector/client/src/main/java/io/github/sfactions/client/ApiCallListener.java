package io.github.sfactions.client;

/**
 * Notified once per HTTP call the client makes, on the calling thread, after the response was read
 * (including token requests and the replay after a re-login). Exceptions thrown by a listener are
 * logged and ignored.
 */
@FunctionalInterface
public interface ApiCallListener {

  /** A listener that does nothing. */
  ApiCallListener NONE = call -> {};

  void onCall(ApiCall call);
}
