package io.github.sfactions.examples.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the results: a table for people, then one {@code scenario=... key=value} line per scenario
 * for scripts. Ratios divide by the ceiling measured in the same run.
 */
final class ResultTable {

  private ResultTable() {}

  static void print(List<ScenarioResult> results, PrintStream out) {
    double ceiling =
        results.stream()
            .filter(r -> r.scenario() == Scenario.CEILING)
            .mapToDouble(ScenarioResult::recordsPerSecond)
            .findFirst()
            .orElse(Double.NaN);
    out.println();
    out.printf(
        "%-14s %8s %7s %10s %9s %9s %8s  %s%n",
        "scenario", "rec/s", "ratio", "API/rec", "p50 ms", "p99 ms", "s/round", "what runs");
    for (ScenarioResult r : results) {
      out.printf(
          Locale.ROOT,
          "%-14s %8.1f %7.3f %10.4f %9.0f %9.0f %8.2f  %s%n",
          r.scenario().label(),
          r.recordsPerSecond(),
          r.recordsPerSecond() / ceiling,
          r.apiCallsPerRecord(),
          r.p50Millis(),
          r.p99Millis(),
          r.seconds(),
          r.failure() != null
              ? "FAILED: " + r.failure()
              : r.scenario().description() + (r.note().isEmpty() ? "" : "; " + r.note()));
    }
    out.println();
    results.forEach(r -> out.println(line(r, ceiling)));
  }

  /** The machine-readable line of one scenario. */
  static String line(ScenarioResult r, double ceiling) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "scenario=%s db=%s records=%d seconds=%s records_per_s=%s ceiling_per_s=%s"
                    + " ratio=%s api_calls_per_record=%s p50_ms=%s p99_ms=%s",
                r.scenario().label(),
                r.database(),
                r.records(),
                number(r.seconds(), 3),
                number(r.recordsPerSecond(), 1),
                number(ceiling, 1),
                number(r.recordsPerSecond() / ceiling, 3),
                number(r.apiCallsPerRecord(), 4),
                number(r.p50Millis(), 1),
                number(r.p99Millis(), 1)));
    for (Map.Entry<String, String> e : r.extra().entrySet()) {
      line.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    if (r.failure() != null) {
      line.append(" failed=").append(r.failure().split("[:\\s]", 2)[0]);
    }
    return line.toString();
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "NaN"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
