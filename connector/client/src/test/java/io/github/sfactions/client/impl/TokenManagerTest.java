package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.SalesforceApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TokenManagerTest {

  private static Session session(int n) {
    return new Session("token-" + n, HttpUrl.get("https://na1.salesforce.com/"), null);
  }

  @Test
  void logsInOnceAndCachesTheSession() {
    AtomicInteger logins = new AtomicInteger();
    TokenManager tokens = new TokenManager(() -> session(logins.incrementAndGet()));
    assertThat(tokens.cached()).isEmpty();
    Session first = tokens.session();
    assertThat(tokens.session()).isSameAs(first);
    assertThat(logins).hasValue(1);
  }

  @Test
  void concurrentRefreshesOfTheSameStaleSessionLogInOnce() throws Exception {
    AtomicInteger logins = new AtomicInteger();
    CountDownLatch loginStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TokenManager tokens =
        new TokenManager(
            () -> {
              int n = logins.incrementAndGet();
              if (n == 2) {
                loginStarted.countDown();
                try {
                  release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return session(n);
            });
    Session stale = tokens.session();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Session>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> tokens.refresh(stale)));
      }
      assertThat(loginStarted.await(5, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      for (Future<Session> f : futures) {
        assertThat(f.get(5, TimeUnit.SECONDS).accessToken()).isEqualTo("token-2");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(logins).hasValue(2);
  }

  @Test
  void callersOfTheSameStaleSessionShareAFailedRefresh() {
    AtomicInteger logins = new AtomicInteger();
    TokenManager tokens =
        new TokenManager(
            () -> {
              if (logins.incrementAndGet() > 1) {
                throw SalesforceApiException.builder(400, "login failed")
                    .errorCode("invalid_grant")
                    .build();
              }
              return session(1);
            });
    Session stale = tokens.session();
    assertThatThrownBy(() -> tokens.refresh(stale)).hasMessage("login failed");
    assertThatThrownBy(() -> tokens.refresh(stale)).hasMessage("login failed");
    assertThat(logins).hasValue(2);
    assertThat(tokens.cached()).isEmpty();
  }
}
