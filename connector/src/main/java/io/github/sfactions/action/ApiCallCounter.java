package io.github.sfactions.action;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiCallListener;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the Salesforce API calls made on the current thread while a scope is open, so that an action can
 * report how many calls it spent ({@code apiCalls}). Token requests do not count (they do not count against
 * the org's API limit either).
 *
 * <p>Works because the client reports each call synchronously on the calling thread. A client must be created
 * with {@link #listener()} (chained with any other listener) for its calls to be counted;
 * {@code SalesforceConnections} does this for every client it creates.
 */
public final class ApiCallCounter {

  private static final ThreadLocal<Deque<Scope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
  private static final ApiCallListener LISTENER = ApiCallCounter::onCall;

  private ApiCallCounter() {
  }

  /** The listener to install on a client so that its calls are counted. */
  public static ApiCallListener listener() {
    return LISTENER;
  }

  /** A listener that first counts, then passes the call on to {@code next}. */
  public static ApiCallListener listenerThen(ApiCallListener next) {
    if (next == null) {
      return LISTENER;
    }
    return call -> {
      onCall(call);
      next.onCall(call);
    };
  }

  /** Opens a counting scope on this thread; close it when the action ends. Scopes nest: every open one counts. */
  public static Scope start() {
    Scope scope = new Scope();
    OPEN.get().push(scope);
    return scope;
  }

  private static void onCall(ApiCall call) {
    if (call.operation() == null || !call.operation().countsAgainstApiLimit()) {
      return;
    }
    for (Scope scope : OPEN.get()) {
      scope.count++;
    }
  }

  /** An open counting scope. */
  public static final class Scope implements AutoCloseable {
    private int count;

    private Scope() {
    }

    /** API calls counted so far in this scope. */
    public int count() {
      return count;
    }

    @Override
    public void close() {
      Deque<Scope> open = OPEN.get();
      open.remove(this);
      if (open.isEmpty()) {
        OPEN.remove();
      }
    }
  }
}
