package io.github.sfactions.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code memory} scenario: two child JVMs at {@value #MAX_HEAP} ({@link MemoryProbe}), each a
 * fresh engine writing one bulk batch of {@code --memory-records} Leads to this JVM's emulated org:
 * first plain Leads (the batch), then Leads whose Descriptions make a CSV of {@code
 * --memory-csv-mb} MB. Reports each child's peak heap, or {@code failed=OutOfMemoryError} when the
 * child ran out of heap. The throughput fields are the plain batch's (one run, not a median).
 */
final class MemoryScenario {

  /** The heap the children get. */
  static final String MAX_HEAP = "-Xmx256m";

  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(20);

  /** One child's outcome: its result fields, or why it failed. */
  private record Child(Map<String, String> fields, long apiCalls, String failure) {
    double number(String key) {
      return fields.containsKey(key) ? Double.parseDouble(fields.get(key)) : Double.NaN;
    }
  }

  private final BenchOptions options;
  private final PrintStream log;

  MemoryScenario(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  ScenarioResult run() throws IOException, InterruptedException {
    int records = options.memoryRecords();
    long csvBytes = options.memoryCsvMegabytes() * 1_000_000L;
    int descriptionChars = (int) Math.max(1, csvBytes / records);
    Child batch;
    Child large;
    try (BenchOrg org = BenchOrg.start(options.latencyMs())) {
      batch = child(org, records, 0, "batch of " + records + " Leads");
      org.reset();
      large =
          child(
              org,
              records,
              descriptionChars,
              options.memoryCsvMegabytes() + " MB CSV (" + descriptionChars + " chars/Lead)");
    }
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("heap_batch_mb", format(batch.number("peak_heap_mb")));
    extra.put("heap_batch_after_gc_mb", format(batch.number("peak_after_gc_mb")));
    extra.put("heap_csv_mb", format(large.number("peak_heap_mb")));
    extra.put("heap_csv_after_gc_mb", format(large.number("peak_after_gc_mb")));
    extra.put("csv_mb", format(large.number("csv_bytes") / 1e6));
    extra.put("xmx_mb", "256");
    String failure =
        batch.failure() != null
            ? batch.failure()
            : large.failure() != null ? large.failure() + " (large CSV)" : null;
    if (failure != null) {
      extra.put("failed", failure.startsWith("OutOfMemoryError") ? "OutOfMemoryError" : "error");
    }
    double seconds = batch.number("seconds");
    return new ScenarioResult(
        Scenario.MEMORY,
        options.database().label(),
        records,
        seconds,
        records / seconds,
        batch.failure() == null ? (double) batch.apiCalls() / records : Double.NaN,
        batch.number("p50_ms"),
        batch.number("p99_ms"),
        "one run each, child JVMs at " + MAX_HEAP + (failure == null ? "" : "; FAILED: " + failure),
        extra,
        null);
  }

  private Child child(BenchOrg org, int records, int descriptionChars, String what)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("sfa-bench-memory", ".err");
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      MAX_HEAP,
                      "-XX:+ExitOnOutOfMemoryError",
                      "-cp",
                      System.getProperty("java.class.path"),
                      MemoryProbe.class.getName(),
                      org.emulator().loginUrl(),
                      String.valueOf(records),
                      String.valueOf(descriptionChars),
                      options.database().label(),
                      String.valueOf(options.threads())))
              .redirectError(stderr.toFile())
              .start();
      Map<String, String> fields = new LinkedHashMap<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith(MemoryProbe.RESULT + " ")) {
            for (String field : line.substring(MemoryProbe.RESULT.length() + 1).split(" ")) {
              String[] kv = field.split("=", 2);
              fields.put(kv[0], kv[1]);
            }
          }
        }
      }
      if (!process.waitFor(CHILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      String errors = Files.readString(stderr, StandardCharsets.UTF_8);
      String failure = null;
      if (errors.contains("OutOfMemoryError")) {
        failure = "OutOfMemoryError: " + firstLine(errors, "OutOfMemoryError");
      } else if (fields.isEmpty()) {
        failure =
            "child exited "
                + (process.isAlive() ? "(timed out)" : String.valueOf(process.exitValue()))
                + ": "
                + tail(errors);
      }
      long calls = org.apiCalls();
      int leads = org.leads();
      if (failure == null && leads != records) {
        failure = "the org holds " + leads + " Leads, not " + records;
      }
      log.printf(
          "  memory, %s: %s%n",
          what,
          failure == null
              ? String.format(
                  Locale.ROOT,
                  "%s s, peak heap %s MB (after GC %s MB), CSV %d bytes, %d API calls",
                  fields.get("seconds"),
                  fields.get("peak_heap_mb"),
                  fields.get("peak_after_gc_mb"),
                  Long.parseLong(fields.get("csv_bytes")),
                  calls)
              : "FAILED " + failure);
      return new Child(failure == null ? fields : Map.of(), calls, failure);
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  private static String firstLine(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).findFirst().orElse("").strip();
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.1f", value);
  }
}
