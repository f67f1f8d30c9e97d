package io.github.sfactions.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts records into bulk batches by record count <em>and</em> CSV byte size (deviation 5), so each
 * upload stays under Salesforce's 150 MB (base64) limit. Sizes are exact for the CSV {@link
 * BulkCsvWriter} writes.
 */
public final class BulkBatchSplitter {

  /** Records per batch unless configured (the reference's {@code batch_size} default). */
  public static final int DEFAULT_MAX_RECORDS = 5000;

  /** Raw CSV bytes per batch unless configured (~150 MB after Salesforce's base64 conversion). */
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  private final int maxRecords;
  private final long maxBytes;

  public BulkBatchSplitter(int maxRecords, long maxBytes) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
    }
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  /** 5000 records, 100 MB. */
  public static BulkBatchSplitter defaults() {
    return new BulkBatchSplitter(DEFAULT_MAX_RECORDS, DEFAULT_MAX_BYTES);
  }

  public int maxRecords() {
    return maxRecords;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Splits in order; each batch has its own columns (only the fields its records have).
   *
   * @throws IllegalArgumentException when one record alone exceeds {@link #maxBytes()}
   */
  public <M extends Map<String, ?>> List<BulkBatch<M>> split(List<M> records) {
    List<BulkBatch<M>> batches = new ArrayList<>();
    Accumulator<M> current = new Accumulator<>();
    for (M record : records) {
      Map<String, String> cells = cells(record);
      long sizeWith = current.sizeWith(record, cells);
      if (!current.records.isEmpty()
          && (current.records.size() >= maxRecords || sizeWith > maxBytes)) {
        batches.add(current.toBatch());
        current = new Accumulator<>();
        sizeWith = current.sizeWith(record, cells);
      }
      if (sizeWith > maxBytes) {
        throw new IllegalArgumentException(
            "One bulk record needs "
                + sizeWith
                + " bytes of CSV, more than the batch limit of "
                + maxBytes
                + " bytes");
      }
      current.add(record, cells);
    }
    if (!current.records.isEmpty()) {
      batches.add(current.toBatch());
    }
    return batches;
  }

  /** Lower-case column name to written cell, validating names and values as the writer does. */
  private static Map<String, String> cells(Map<String, ?> record) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : record.entrySet()) {
      String name = BulkCsvWriter.requireColumn(e.getKey());
      String key = name.toLowerCase(Locale.ROOT);
      if (cells.containsKey(key)) {
        throw new IllegalArgumentException(
            "A bulk record holds field " + name + " twice (names differing only in case)");
      }
      cells.put(key, BulkCsvWriter.cell(name, e.getValue()));
    }
    return cells;
  }

  /** Keeps the records of one batch and its exact CSV size ({@link BulkCsvSize}). */
  private static final class Accumulator<M extends Map<String, ?>> {
    private final BulkCsvSize size = new BulkCsvSize();
    private final List<M> records = new ArrayList<>();

    long sizeWith(M record, Map<String, String> cells) {
      return size.sizeWith(record.keySet(), cellBytes(cells));
    }

    void add(M record, Map<String, String> cells) {
      size.add(record.keySet(), cellBytes(cells));
      records.add(record);
    }

    BulkBatch<M> toBatch() {
      return new BulkBatch<>(size.columns(), records, size.size());
    }

    private static long cellBytes(Map<String, String> cells) {
      long bytes = 0;
      for (String cell : cells.values()) {
        bytes += BulkCsvSize.utf8Length(cell);
      }
      return bytes;
    }
  }
}
