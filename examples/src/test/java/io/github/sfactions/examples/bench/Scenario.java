package io.github.sfactions.examples.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The benchmark's scenarios, by the names the command line and the output use. */
public enum Scenario {
  /** The engine alone: start, an async no-op service task, end. */
  CEILING("ceiling", "start -> async no-op service task -> end (the engine ceiling)"),
  /** The Lead action connector, V1 upsert by an Email matcher: a query, then a create. */
  CONNECTOR("connector", "Lead action connector, V1 upsert by Email matcher (query + create)"),
  /** The Lead action connector, upsert by {@code externalIdField}: one PATCH. */
  NATIVE_UPSERT("native-upsert", "Lead action connector, upsert by externalIdField (one PATCH)"),
  /** A call activity to the reusable {@code sfactions-sync-record} process. */
  SYNC_RECORD("sync-record", "call activity to sfactions-sync-record (find -> 0 -> create)"),
  /** The durable bulk queue: one caller instance per record, then "Await bulk outcome". */
  BULK("bulk", "useBulkApi=true + Await bulk outcome, one caller instance per record"),
  /**
   * Micro-batch delivery (issue 12): one caller instance per record queues an upsert by an Email
   * matcher, the collector sends up to 200 at a time, the instance ends on its outcome message.
   */
  MICROBATCH(
      "microbatch",
      "upserts by an Email matcher through micro-batch delivery (delivery=microBatch, outcome by"
          + " message catch event), one caller instance per record; latency: start to instance end"),
  /** As {@link #MICROBATCH}, upserts by {@code externalIdField}: one Collections upsert a group. */
  MICROBATCH_EXT(
      "microbatch-ext",
      "upserts by externalIdField Ext__c through micro-batch delivery, one caller instance per"
          + " record; latency: start to instance end"),
  /** Lead records through the examples app's {@code /v1/backfill} straight into the bulk queue. */
  BACKFILL(
      "backfill",
      "examples app /v1/backfill -> bulk queue -> Bulk API 2.0 (no process instance per record)"),
  /** Events through the examples app's {@code /v1/batch} intake into {@code identify-lead}. */
  INTAKE(
      "intake",
      "examples app /v1/batch -> identify-lead (asyncBefore + asyncAfter: 2 jobs; query +"
          + " create)"),
  /** Peak heap of the bulk path at {@code -Xmx256m} in a child JVM. */
  MEMORY("memory", "peak heap of a child JVM at -Xmx256m: one bulk batch, then a large CSV");

  private final String label;
  private final String description;

  Scenario(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The name on the command line and in the output. */
  public String label() {
    return label;
  }

  /** What the scenario runs, for the table. */
  public String description() {
    return description;
  }

  /** The scenario of this name. */
  public static Scenario byName(String name) {
    return Arrays.stream(values())
        .filter(s -> s.label.equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Unknown scenario " + name + "; one of " + names()));
  }

  /** All names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
  }
}
