package io.github.sfactions.client.impl;

import io.github.sfactions.client.SalesforceApiException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the one access token of a client, shared by all threads. A refresh is single-flight:
 * callers that saw the same stale session wait for one login and then all use its result (or all
 * get its failure).
 */
public final class TokenManager {

  private final Supplier<Session> login;
  private final Object lock = new Object();
  private volatile Session current;
  private Session failedRefreshOf;
  private SalesforceApiException failure;

  public TokenManager(Supplier<Session> login) {
    this.login = login;
  }

  /** The cached session, logging in first if there is none. */
  public Session session() {
    Session s = current;
    if (s != null) {
      return s;
    }
    synchronized (lock) {
      if (current == null) {
        current = login.get();
      }
      return current;
    }
  }

  /**
   * A session newer than {@code stale}: if another thread already replaced it, that one; otherwise
   * one new login.
   */
  public Session refresh(Session stale) {
    synchronized (lock) {
      if (current != null && current != stale) {
        return current;
      }
      if (current == null && stale != null && stale == failedRefreshOf) {
        throw failure;
      }
      current = null;
      try {
        current = login.get();
        failedRefreshOf = null;
        failure = null;
        return current;
      } catch (SalesforceApiException e) {
        failedRefreshOf = stale;
        failure = e;
        throw e;
      }
    }
  }

  /** The cached session, without logging in. */
  public Optional<Session> cached() {
    return Optional.ofNullable(current);
  }
}
