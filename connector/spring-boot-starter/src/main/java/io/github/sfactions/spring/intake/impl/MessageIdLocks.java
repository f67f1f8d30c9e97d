package io.github.sfactions.spring.intake.impl;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks by messageId: two requests carrying the same messageId on this node run one after
 * the other, so the second one's duplicate check sees the first one's committed instances. Stripes
 * are taken in ascending order, so requests holding several never deadlock.
 */
public final class MessageIdLocks {

  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  /** Locks for a node. */
  public MessageIdLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Runs the work holding the locks of every messageId. */
  public <T> T withLocks(List<String> messageIds, Supplier<T> work) {
    TreeSet<Integer> indexes = new TreeSet<>();
    messageIds.forEach(id -> indexes.add(Math.floorMod(id.hashCode(), STRIPES)));
    for (int i : indexes) {
      stripes[i].lock();
    }
    try {
      return work.get();
    } finally {
      for (int i : indexes.descendingSet()) {
        stripes[i].unlock();
      }
    }
  }
}
