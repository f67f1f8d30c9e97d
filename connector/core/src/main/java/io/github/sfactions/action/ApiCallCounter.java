package io.github.sfactions.action;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.SalesforceClient;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the Salesforce API calls of one action, so that it can report how many calls it spent
 * ({@code apiCalls}). Token requests do not count (they do not count against the org's API limit
 * either).
 *
 * <p>Use one counter per action: {@link #on(SalesforceClient)} gives a view of the client whose
 * calls reach this counter only, so actions running at the same time on one client each count their
 * own calls.
 */
public final class ApiCallCounter implements ApiCallListener {

  private final AtomicInteger count = new AtomicInteger();

  /** The client's calls made through the returned view are counted here. */
  public SalesforceClient on(SalesforceClient client) {
    return client.withCallListener(this);
  }

  @Override
  public void onCall(ApiCall call) {
    if (call.operation() != null && call.operation().countsAgainstApiLimit()) {
      count.incrementAndGet();
    }
  }

  /** API calls counted so far. */
  public int count() {
    return count.get();
  }
}
