package io.github.sfactions.action;

import java.util.Locale;

/** What happened to the record: the {@code result} output of every action connector. */
public enum Outcome {
  /** A new record was inserted. */
  CREATED,
  /** An existing record was changed. */
  UPDATED,
  /** The record was deleted. */
  DELETED,
  /**
   * The record was not processed (e.g. a bulk job ended before reaching it: Salesforce's
   * unprocessed records).
   */
  SKIPPED,
  /**
   * The record waits in a durable queue for a batched delivery (Bulk API 2.0 or sObject
   * Collections).
   */
  QUEUED;

  /** The lower-case value used in process variables: {@code created}, {@code updated}, ... */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value();
  }
}
