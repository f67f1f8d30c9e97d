package io.github.sfactions.spring.intake;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A task that keeps the start transaction of its process open until the test lets it go, so that a
 * test can send a second request while the first one is provably inside its transaction (its
 * messageIds locked, its starts not committed). One hold at a time; bounded so a failing test does
 * not hang the build.
 */
public class HeldStart implements JavaDelegate {

  private static volatile CountDownLatch entered = new CountDownLatch(1);
  private static volatile CountDownLatch release = new CountDownLatch(1);

  /** Arms a new hold: the next start waits in its transaction until {@link #release()}. */
  static void arm() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** Waits until a start is held inside its transaction. */
  static void awaitHeld() throws InterruptedException {
    if (!entered.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no start reached the hold within 60 s");
    }
  }

  /** Lets the held start go on. */
  static void release() {
    release.countDown();
  }

  @Override
  public void execute(DelegateExecution execution) throws InterruptedException {
    entered.countDown();
    if (!release.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test did not release the held start within 60 s");
    }
  }
}
