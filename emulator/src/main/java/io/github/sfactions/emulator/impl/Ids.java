package io.github.sfactions.emulator.impl;

import io.github.sfactions.emulator.SalesforceIds;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: generation of real 18-char ids with key prefix and checksum, and
 * normalisation of 15- or 18-char input to the canonical 18-char form.
 */
public final class Ids {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Pod and reserved characters between the key prefix and the counter, as real ids carry. */
  private static final String POD = "Dn0";

  private static final int COUNTER_DIGITS = 9;

  private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /** Next id for the key prefix, e.g. {@code newId("001")}; deterministic per emulator. */
  public String newId(String keyPrefix) {
    long n = counters.computeIfAbsent(keyPrefix, k -> new AtomicLong()).incrementAndGet();
    return to18(keyPrefix + POD + base62(n));
  }

  /** Makes sure later generated ids never collide with an id loaded from outside. */
  public void observe(String id18) {
    if (id18 == null || id18.length() < 15) {
      return;
    }
    String prefix = id18.substring(0, 3);
    if (!id18.startsWith(POD, 3)) {
      return;
    }
    long n = 0;
    for (char c : id18.substring(6, 15).toCharArray()) {
      int digit = BASE62.indexOf(c);
      if (digit < 0) {
        return;
      }
      n = n * 62 + digit;
    }
    long value = n;
    counters.computeIfAbsent(prefix, k -> new AtomicLong()).accumulateAndGet(value, Math::max);
  }

  /** Forgets every counter (used by reset before replaying seed data). */
  public void clear() {
    counters.clear();
  }

  private static String base62(long n) {
    char[] out = new char[COUNTER_DIGITS];
    long v = n;
    for (int i = COUNTER_DIGITS - 1; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  /** Adds the 3-char case checksum to a 15-char id. */
  public static String to18(String id15) {
    return SalesforceIds.to18(id15);
  }

  /**
   * The canonical 18-char id, or empty when the text is not shaped like an id (see {@link
   * SalesforceIds}).
   */
  public static Optional<String> normalize(String id) {
    return SalesforceIds.normalize(id);
  }

  /** The 15-char form of an 18-char id. */
  public static String to15(String id18) {
    return SalesforceIds.to15(id18);
  }
}
