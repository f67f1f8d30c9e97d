package io.github.sfactions.camunda.impl;

import io.github.sfactions.client.JsNumbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What identifies a record for {@link EngineRecordGuard}: a key for the whole matcher set (the
 * arrival order of written fields is kept per key) and the lock rows of its terms.
 *
 * <p>Each matcher term ({@code Email = a}) locks a row of its own, so lookups that share any term
 * take turns: {@code Email = a OR Phone = b} and {@code Email = a} may find the same record. Names
 * and values are compared without case, as SOQL compares text.
 */
record RecordKey(String key, int[] buckets) {

  static RecordKey of(String connection, String sobject, Map<String, ?> matchers, String operator) {
    String object = connection + '\u0000' + sobject.toLowerCase(Locale.ROOT);
    Map<String, String> terms = new TreeMap<>();
    matchers.forEach(
        (field, value) ->
            terms.put(field.toLowerCase(Locale.ROOT), text(value).toLowerCase(Locale.ROOT)));
    StringBuilder whole =
        new StringBuilder(object)
            .append('\u0000')
            .append(operator == null ? "OR" : operator.toUpperCase(Locale.ROOT));
    TreeSet<Integer> buckets = new TreeSet<>();
    terms.forEach(
        (field, value) -> {
          String term = object + '\u0000' + field + '\u0000' + value;
          whole.append('\u0000').append(field).append('\u0000').append(value);
          byte[] hash = sha256(term);
          int n =
              ((hash[0] & 0xff) << 24)
                  | ((hash[1] & 0xff) << 16)
                  | ((hash[2] & 0xff) << 8)
                  | (hash[3] & 0xff);
          buckets.add(Math.floorMod(n, RecordLockSchema.BUCKETS));
        });
    byte[] hash = sha256(whole.toString());
    return new RecordKey(
        HexFormat.of().formatHex(hash, 0, 16),
        buckets.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The lowest lock row: the key's field rows are filed under it, for pruning. */
  int home() {
    return buckets[0];
  }

  private static String text(Object value) {
    if (value == null) {
      return "\u0000null";
    }
    return value instanceof Number n ? JsNumbers.format(n) : value.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
