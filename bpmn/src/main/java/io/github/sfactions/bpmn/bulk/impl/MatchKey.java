package io.github.sfactions.bpmn.bulk.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The key that matches a result row to its queued record. Salesforce does not keep the upload's row
 * order and an insert has no key column, so a row is recognised by all its cells, which the result
 * files echo as uploaded (unquoted). The key is a 128-bit hash of the non-empty cells by lower-case
 * column name, so it does not depend on the batch's header: a column a record lacks and an empty
 * cell are both echoed empty. Records with identical cells share a key and are interchangeable.
 */
final class MatchKey {

  /** Hex characters of a key. */
  static final int LENGTH = 32;

  private MatchKey() {}

  /** The key of echoed cells: lower-case column name to non-empty text, sorted by name. */
  static String of(SortedMap<String, String> echoes) {
    MessageDigest sha = sha256();
    for (Map.Entry<String, String> e : echoes.entrySet()) {
      sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest(), 0, LENGTH / 2);
  }

  /** The key of a result row (uploaded header name to echoed cell). */
  static String ofResult(Map<String, String> row) {
    TreeMap<String, String> echoes = new TreeMap<>();
    row.forEach(
        (column, cell) -> {
          if (cell != null && !cell.isEmpty()) {
            echoes.put(column.toLowerCase(Locale.ROOT), cell);
          }
        });
    return of(echoes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
