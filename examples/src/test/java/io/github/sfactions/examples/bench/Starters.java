package io.github.sfactions.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Puts a round's records in from several threads, each taking the next index. */
final class Starters {

  /** Puts one record in (may block on the round's window). */
  @FunctionalInterface
  interface Start {
    void record(int index) throws Exception;
  }

  private Starters() {}

  /**
   * Runs {@code start} for the indexes {@code 0..records-1} in steps of {@code step} on {@code
   * threads} threads (a step is the first index of a group, e.g. a batch request); returns when all
   * are in and rethrows the first failure.
   */
  static void run(int threads, int records, int step, Start start) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        started.add(
            pool.submit(
                () -> {
                  int index;
                  while ((index = next.getAndAdd(step)) < records) {
                    start.record(index);
                  }
                  return null;
                }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code start} for every index, one at a time per thread. */
  static void run(int threads, int records, Start start) throws Exception {
    run(threads, records, 1, start);
  }
}
