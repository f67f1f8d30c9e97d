package io.github.sfactions.spring.intake.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageIdLocksTest {

  private final MessageIdLocks locks = new MessageIdLocks();

  @Test
  void aRequestHoldsTheLocksOfItsOwnMessageIdsOnlyAndReleasesThemAfterwards() {
    List<String> ids = List.of("m-3", "m-1", "m-2", "m-1");

    locks.withLocks(
        ids,
        () -> {
          assertThat(locks.lockedMessageIds()).containsExactlyInAnyOrder("m-1", "m-2", "m-3");
          return null;
        });

    assertThat(locks.lockedMessageIds()).isEmpty();
  }

  @Test
  void failingWorkReleasesItsLocks() {
    assertThatThrownBy(
            () ->
                locks.withLocks(
                    List.of("a", "b"),
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(locks.lockedMessageIds()).isEmpty();
  }

  @Test
  void requestsSharingMessageIdsInAnyOrderExcludeEachOtherWithoutDeadlock() throws Exception {
    int[] counter = {0};
    Runnable forward = () -> repeat(List.of("a", "b", "c"), counter);
    Runnable backward = () -> repeat(List.of("c", "b", "a"), counter);

    CompletableFuture<Void> one = CompletableFuture.runAsync(forward);
    CompletableFuture<Void> two = CompletableFuture.runAsync(backward);
    one.get(60, TimeUnit.SECONDS);
    two.get(60, TimeUnit.SECONDS);

    // each increment ran alone: no update was lost
    assertThat(counter[0]).isEqualTo(20_000);
    assertThat(locks.lockedMessageIds()).isEmpty();
  }

  private void repeat(List<String> ids, int[] counter) {
    for (int i = 0; i < 10_000; i++) {
      locks.withLocks(
          ids,
          () -> {
            int before = counter[0];
            Thread.yield();
            counter[0] = before + 1;
            return null;
          });
    }
  }
}
