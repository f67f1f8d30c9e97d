package io.github.sfactions.action;

import java.util.Optional;

/** How a record travels to Salesforce: one REST call now, or queued for a batched delivery. */
public enum Delivery {
  /** One REST call per record, now (default). */
  REST("rest"),
  /** Queued and sent with other records through sObject Collections (up to 200 per call). */
  MICRO_BATCH("microBatch"),
  /** Queued and sent with other records through a Bulk API 2.0 ingest job. */
  BULK("bulk");

  private final String value;

  Delivery(String value) {
    this.value = value;
  }

  /** The input value: {@code rest}, {@code microBatch} or {@code bulk}. */
  public String value() {
    return value;
  }

  /** True when the record is queued rather than sent now. */
  public boolean isQueued() {
    return this != REST;
  }

  /** The delivery for an input value (exact spelling), if known. */
  public static Optional<Delivery> fromValue(String value) {
    for (Delivery d : values()) {
      if (d.value.equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
