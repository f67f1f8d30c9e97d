package io.github.sfactions.client.impl;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.ApiOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports each HTTP call to the listener and the debug log; a failing listener never fails the
 * call.
 */
public final class CallNotifier {

  private final List<ApiCallListener> listeners;

  public CallNotifier(ApiCallListener listener) {
    this(List.of(listener == null ? ApiCallListener.NONE : listener));
  }

  private CallNotifier(List<ApiCallListener> listeners) {
    this.listeners = listeners;
  }

  /**
   * A notifier that reports to this one's listeners, then to {@code extra}; one failing does not
   * stop the next.
   */
  public CallNotifier with(ApiCallListener extra) {
    List<ApiCallListener> all = new ArrayList<>(listeners);
    all.add(extra);
    return new CallNotifier(List.copyOf(all));
  }

  void notify(
      String method,
      String pathTemplate,
      String sobject,
      ApiOperation operation,
      int status,
      long startNanos,
      boolean retryable) {
    long duration = System.nanoTime() - startNanos;
    ApiCall call =
        new ApiCall(method, pathTemplate, sobject, operation, status, duration, retryable);
    ClientLogger.apiCall(method, pathTemplate, operation, status, duration);
    for (ApiCallListener listener : listeners) {
      try {
        listener.onCall(call);
      } catch (RuntimeException e) {
        ClientLogger.listenerFailed(method, pathTemplate, e);
      }
    }
  }
}
