package io.github.sfactions.examples.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark harness: runs the scenarios of {@link Scenario} on real engines against a real
 * emulated org on loopback and prints a table and one machine-readable line per scenario (see
 * docs/performance.md). A main, not a test: {@code examples/bench/run} builds and starts it.
 *
 * <pre>
 * examples/bench/run [SCENARIO...] [--records N] [--latency-ms MS] [--db h2|postgres] [--threads N]
 * </pre>
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) {
    BenchLogging.quiet();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    List<ScenarioResult> results = run(options, System.out);
    ResultTable.print(results, System.out);
    // the emulators' and engines' threads are gone, but an HTTP client's may linger
    System.exit(results.stream().anyMatch(r -> r.failure() != null) ? 1 : 0);
  }

  /**
   * Runs the ceiling and then the chosen scenarios; a scenario that fails is reported, not fatal.
   */
  public static List<ScenarioResult> run(BenchOptions options, PrintStream log) {
    log.printf(
        Locale.ROOT,
        "sfactions benchmark: %s, %d records/round, %d warm-up + %d measured rounds, latency %d ms,"
            + " %d job threads, DB pool %d, %d cores, load average %.1f, Java %s%n",
        options.database().label(),
        options.records(),
        options.warmups(),
        options.rounds(),
        options.latencyMs(),
        options.threads(),
        options.poolSize(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("java.version"));
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario scenario : options.runOrder()) {
      log.printf(
          Locale.ROOT,
          "%s (load average %.1f) ...%n",
          scenario.label(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      long start = System.nanoTime();
      try {
        results.add(
            scenario == Scenario.MEMORY
                ? new MemoryScenario(options, log).run()
                : new ScenarioRunner(options, log).run(scenario, new BenchRecords(run)));
        log.printf(
            Locale.ROOT,
            "%s done in %.1f s (engine start and stop included)%n",
            scenario.label(),
            (System.nanoTime() - start) / 1e9);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        e.printStackTrace(log);
        results.add(
            ScenarioResult.failed(
                scenario,
                options.database().label(),
                options.records(),
                e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return results;
  }
}
