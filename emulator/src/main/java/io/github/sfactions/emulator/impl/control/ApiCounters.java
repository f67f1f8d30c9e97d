package io.github.sfactions.emulator.impl.control;

import io.github.sfactions.emulator.EmulatorStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts API calls against the daily allocation and per endpoint, object and operation. */
public final class ApiCounters {
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong limit;
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> byObject = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> byOperation = new ConcurrentHashMap<>();

  public ApiCounters(long dailyLimit) {
    this.limit = new AtomicLong(dailyLimit);
  }

  /** Takes one call from the allocation; false when the daily limit is used up. */
  public boolean tryAcquire() {
    while (true) {
      long n = used.get();
      if (n >= limit.get()) {
        rejected.increment();
        return false;
      }
      if (used.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Records what a counted call was, once it is known. */
  public void record(String endpoint, String object, String operation) {
    if (endpoint != null) {
      byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }
    if (object != null) {
      byObject.computeIfAbsent(object, k -> new LongAdder()).increment();
    }
    if (operation != null) {
      byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }
  }

  public void tokenRequest() {
    tokenRequests.increment();
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit.get();
  }

  public void limit(long max) {
    limit.set(max);
  }

  /** The {@code Sforce-Limit-Info} header value. */
  public String limitInfo() {
    return "api-usage=" + used.get() + "/" + limit.get();
  }

  public EmulatorStats snapshot() {
    return new EmulatorStats(
        used.get(),
        limit.get(),
        copy(byEndpoint),
        copy(byObject),
        copy(byOperation),
        tokenRequests.sum(),
        rejected.sum());
  }

  private static Map<String, Long> copy(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset(long dailyLimit) {
    used.set(0);
    limit.set(dailyLimit);
    tokenRequests.reset();
    rejected.reset();
    byEndpoint.clear();
    byObject.clear();
    byOperation.clear();
  }
}
