package io.github.sfactions.client.impl;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.ApiOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports each HTTP call to the listener and the debug log; a failing listener never fails the call. */
public final class CallNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(CallNotifier.class);
    private final ApiCallListener listener;

    public CallNotifier(ApiCallListener listener) {
        this.listener = listener == null ? ApiCallListener.NONE : listener;
    }

    /** A notifier that reports to this one's listener, then to {@code extra}. */
    public CallNotifier with(ApiCallListener extra) {
        ApiCallListener first = listener;
        return new CallNotifier(call -> {
            first.onCall(call);
            extra.onCall(call);
        });
    }

    void notify(String method, String pathTemplate, String sobject, ApiOperation operation, int status,
            long startNanos, boolean retryable) {
        long duration = System.nanoTime() - startNanos;
        ApiCall call = new ApiCall(method, pathTemplate, sobject, operation, status, duration, retryable);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Salesforce {} {} ({}) -> {} in {} ms", method, pathTemplate, operation, status,
                    duration / 1_000_000);
        }
        try {
            listener.onCall(call);
        } catch (RuntimeException e) {
            LOG.warn("ApiCallListener failed for {} {}: {}", method, pathTemplate, e.toString());
        }
    }
}
