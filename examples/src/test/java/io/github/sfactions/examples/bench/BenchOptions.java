package io.github.sfactions.examples.bench;

import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code examples/bench/run}: which scenarios, how many records per round, the
 * Salesforce latency the emulator injects, the database and the job executor's threads.
 *
 * @param scenarios the scenarios to run, in the order given (all when none is named); the ceiling
 *     is measured first in any case
 * @param records records per measured round
 * @param latencyMs latency the emulator adds to every answer
 * @param database {@code h2} (in memory) or {@code postgres} (127.0.0.1:5432, a fresh database per
 *     scenario)
 * @param threads job executor threads (the DB pool gets {@link #poolSize()} connections)
 * @param rounds measured rounds (after {@code warmups} rounds that are not counted)
 * @param warmups rounds run first and not counted
 * @param memoryRecords records of the {@code memory} scenario's bulk batch
 * @param memoryCsvMegabytes size of the {@code memory} scenario's large CSV in MB (10^6 bytes)
 * @param microBatch the micro-batch collector's settings (the plugin's defaults unless {@code
 *     --micro-batch-records} or {@code --micro-batch-delay-ms} say otherwise)
 */
public record BenchOptions(
    List<Scenario> scenarios,
    int records,
    int latencyMs,
    Database database,
    int threads,
    int rounds,
    int warmups,
    int memoryRecords,
    int memoryCsvMegabytes,
    MicroBatchSettings microBatch) {

  /** The usage text printed for {@code --help} and wrong arguments. */
  public static final String USAGE =
      """
      usage: examples/bench/run [SCENARIO...] [--records N] [--latency-ms MS] [--db h2|postgres]
                                [--threads N] [--rounds N] [--warmups N]
                                [--memory-records N] [--memory-csv-mb MB]
                                [--micro-batch-records N] [--micro-batch-delay-ms MS]
        scenarios: %s (none named = all; the ceiling is always measured first)
        --records N        records per round (default 2000)
        --latency-ms MS    latency the emulated org adds to every answer (default 0)
        --db h2|postgres   H2 in memory (default) or PostgreSQL at 127.0.0.1:5432, user postgres
                           (-Dsfactions.bench.postgres=jdbc:postgresql://host:port/ and
                           -Dsfactions.bench.postgres.user=... point elsewhere); a fresh database per scenario
        --threads N        job executor threads (default 10, or 50 with a latency); DB pool = threads + 10
        --rounds N         measured rounds, medians reported (default 3)
        --warmups N        rounds before them that are not counted (default 1)
        --memory-records N records of the memory scenario's batch (default 5000)
        --memory-csv-mb MB size of the memory scenario's large CSV (default 100)
        --micro-batch-records N    most records per micro-batch flush, 1 to 200 (default 200)
        --micro-batch-delay-ms MS  longest wait of a micro-batch record for its group (default 1000)
      """
          .formatted(Scenario.names());

  /** The longest Lead Description Salesforce takes (the memory scenario's CSV is made of them). */
  static final int MAX_DESCRIPTION_CHARS = 32_000;

  /** The databases the benchmark runs on. */
  public enum Database {
    H2,
    POSTGRES;

    /** The name on the command line and in the output. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public BenchOptions {
    scenarios = List.copyOf(scenarios);
    positive("--records", records);
    positive("--threads", threads);
    positive("--rounds", rounds);
    positive("--memory-records", memoryRecords);
    positive("--memory-csv-mb", memoryCsvMegabytes);
    if (memoryCsvMegabytes * 1_000_000L / memoryRecords > MAX_DESCRIPTION_CHARS) {
      throw new IllegalArgumentException(
          "--memory-csv-mb "
              + memoryCsvMegabytes
              + " over --memory-records "
              + memoryRecords
              + " needs Descriptions longer than Salesforce's "
              + MAX_DESCRIPTION_CHARS
              + " characters: give more records");
    }
    if (latencyMs < 0 || warmups < 0) {
      throw new IllegalArgumentException("--latency-ms and --warmups must not be negative");
    }
  }

  /** DB connections: one per job thread, plus the acquisition thread, starters and requests. */
  public int poolSize() {
    return threads + 10;
  }

  /** The ceiling first, then the named scenarios in their order, each once. */
  public List<Scenario> runOrder() {
    Set<Scenario> order = new LinkedHashSet<>();
    order.add(Scenario.CEILING);
    order.addAll(scenarios);
    return new ArrayList<>(order);
  }

  /** Parses the command line; throws {@link IllegalArgumentException} naming what is wrong. */
  public static BenchOptions parse(String... args) {
    List<Scenario> scenarios = new ArrayList<>();
    int records = 2000;
    int latency = 0;
    Database database = Database.H2;
    Integer threads = null;
    int rounds = 3;
    int warmups = 1;
    int memoryRecords = 5000;
    int memoryCsv = 100;
    MicroBatchSettings.Builder microBatch = MicroBatchSettings.builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        scenarios.add(Scenario.byName(arg));
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--records" -> records = number(arg, value);
        case "--latency-ms" -> latency = number(arg, value);
        case "--db" -> database = database(value);
        case "--threads" -> threads = number(arg, value);
        case "--rounds" -> rounds = number(arg, value);
        case "--warmups" -> warmups = number(arg, value);
        case "--memory-records" -> memoryRecords = number(arg, value);
        case "--memory-csv-mb" -> memoryCsv = number(arg, value);
        case "--micro-batch-records" -> microBatch.maxRecords(number(arg, value));
        case "--micro-batch-delay-ms" -> microBatch.maxDelay(Duration.ofMillis(number(arg, value)));
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    if (scenarios.isEmpty()) {
      scenarios.addAll(List.of(Scenario.values()));
    }
    return new BenchOptions(
        scenarios,
        records,
        latency,
        database,
        threads != null ? threads : latency == 0 ? 10 : 50,
        rounds,
        warmups,
        memoryRecords,
        memoryCsv,
        microBatch.build());
  }

  private static Database database(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "h2" -> Database.H2;
      case "postgres", "postgresql" -> Database.POSTGRES;
      default -> throw new IllegalArgumentException("--db is h2 or postgres, not " + value);
    };
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not " + value, e);
    }
  }

  private static void positive(String option, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, not " + value);
    }
  }
}
