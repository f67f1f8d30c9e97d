package io.github.sfactions.spring.intake.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per messageId: two requests carrying the same messageId on this node run one after the
 * other, so the second one's duplicate check sees the first one's committed instances. A request
 * holds the locks of its own messageIds only, so requests without a messageId in common never wait
 * for each other, however many events they carry. Locks are taken in ascending order of the
 * messageIds, so requests sharing several never deadlock; a lock lives only while a request holds
 * or waits for it.
 */
public final class MessageIdLocks {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Runs the work holding the lock of every one of the messageIds. */
  public <T> T withLocks(Collection<String> messageIds, Supplier<T> work) {
    List<String> held = new ArrayList<>();
    try {
      for (String messageId : new TreeSet<>(messageIds)) {
        lock(messageId);
        held.add(messageId);
      }
      return work.get();
    } finally {
      for (int i = held.size() - 1; i >= 0; i--) {
        unlock(held.get(i));
      }
    }
  }

  /** The messageIds whose lock some request holds or waits for (a snapshot). */
  public Set<String> lockedMessageIds() {
    return Set.copyOf(entries.keySet());
  }

  private void lock(String messageId) {
    Entry entry =
        entries.compute(
            messageId,
            (id, existing) -> {
              Entry e = existing == null ? new Entry() : existing;
              e.users++;
              return e;
            });
    entry.lock.lock();
  }

  private void unlock(String messageId) {
    entries.get(messageId).lock.unlock();
    release(messageId);
  }

  /** One user fewer; the entry goes when nobody holds or waits for it. */
  private void release(String messageId) {
    entries.computeIfPresent(messageId, (id, e) -> --e.users == 0 ? null : e);
  }

  /** A messageId's lock and how many requests hold or wait for it (changed inside compute only). */
  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }
}
