package io.github.sfactions.bpmn.bulk.impl;

import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The match keys of a claim's records, each handed out once: an open-addressing table of primitive
 * arrays (24 bytes per slot, two slots per record), so a batch of a million records costs about 48
 * MB, not the rows themselves. Records with the same key are all kept and taken one by one.
 */
final class ClaimKeys {

  private static final long EMPTY = 0;
  private static final long TAKEN = -1;

  private final long[] high;
  private final long[] low;
  private final long[] seqs;
  private final int mask;
  private int size;

  /** A table for about {@code expected} records. */
  ClaimKeys(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
    high = new long[capacity];
    low = new long[capacity];
    seqs = new long[capacity];
    mask = capacity - 1;
  }

  /** Adds a record (row ids are positive). */
  void add(long seq, String key) {
    if (seq <= 0) {
      throw new IllegalArgumentException("row id must be positive: " + seq);
    }
    if (++size > mask / 2 + 1) {
      throw new IllegalStateException("More bulk records than the " + (mask / 2 + 1) + " expected");
    }
    long h = HexFormat.fromHexDigitsToLong(key, 0, 16);
    long l = HexFormat.fromHexDigitsToLong(key, 16, 32);
    int i = slot(h, l);
    while (seqs[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    high[i] = h;
    low[i] = l;
    seqs[i] = seq;
  }

  /** The row id of a record with this key that was not taken yet, and takes it. */
  OptionalLong take(String key) {
    long h = HexFormat.fromHexDigitsToLong(key, 0, 16);
    long l = HexFormat.fromHexDigitsToLong(key, 16, 32);
    for (int i = slot(h, l); seqs[i] != EMPTY; i = (i + 1) & mask) {
      if (seqs[i] != TAKEN && high[i] == h && low[i] == l) {
        long seq = seqs[i];
        seqs[i] = TAKEN;
        return OptionalLong.of(seq);
      }
    }
    return OptionalLong.empty();
  }

  private int slot(long h, long l) {
    long mixed = h ^ (l * 0x9E3779B97F4A7C15L);
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }
}
