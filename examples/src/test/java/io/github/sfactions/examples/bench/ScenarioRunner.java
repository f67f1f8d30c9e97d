package io.github.sfactions.examples.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs one throughput scenario in a fresh environment: warm-up rounds, then measured rounds, each
 * on an empty org; checks that every record was written; reports the medians.
 */
final class ScenarioRunner {

  /** A round fails when no record ended for this long (a stuck record: an incident, a lost job). */
  private static final Duration STALL = Duration.ofSeconds(120);

  private record RoundFigures(
      double seconds, double perSecond, double callsPerRecord, double p50, double p99) {}

  private final BenchOptions options;
  private final PrintStream log;

  ScenarioRunner(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  ScenarioResult run(Scenario scenario, BenchRecords records) throws Exception {
    try (Environment environment = environment(scenario, records)) {
      List<RoundFigures> measured = new ArrayList<>();
      int total = options.warmups() + options.rounds();
      for (int r = 0; r < total; r++) {
        RoundFigures figures = round(scenario, environment, r);
        boolean warmup = r < options.warmups();
        log.printf(
            "  %s round %d%s: %d records in %.2f s = %.1f/s, %.3f API calls/record,"
                + " p50 %.0f ms, p99 %.0f ms%n",
            scenario.label(),
            r + 1,
            warmup ? " (warm-up)" : "",
            options.records(),
            figures.seconds(),
            figures.perSecond(),
            figures.callsPerRecord(),
            figures.p50(),
            figures.p99());
        String note = environment.roundNote();
        if (!note.isEmpty()) {
          log.printf("    %s%n", note);
        }
        if (!warmup) {
          measured.add(figures);
        }
      }
      return new ScenarioResult(
          scenario,
          options.database().label(),
          options.records(),
          median(measured, RoundFigures::seconds),
          median(measured, RoundFigures::perSecond),
          median(measured, RoundFigures::callsPerRecord),
          median(measured, RoundFigures::p50),
          median(measured, RoundFigures::p99),
          environment.note(),
          Map.of(),
          null);
    }
  }

  private Environment environment(Scenario scenario, BenchRecords records) {
    return switch (scenario) {
      case INTAKE, BACKFILL -> AppEnvironment.start(scenario, options, records);
      default -> EngineEnvironment.start(scenario, options, records);
    };
  }

  private RoundFigures round(Scenario scenario, Environment environment, int number)
      throws Exception {
    environment.org().reset();
    Round round = new Round(options.records(), environment.window());
    environment.feed(round, number);
    round.awaitAll(STALL, environment::incidents);
    environment.awaitIdle();
    int expected = scenario == Scenario.CEILING ? 0 : options.records();
    int leads = environment.org().leads();
    if (leads != expected) {
      throw new IllegalStateException(
          "The org holds " + leads + " Leads after the round, not " + expected);
    }
    return new RoundFigures(
        round.seconds(),
        round.records() / round.seconds(),
        (double) environment.org().apiCalls() / round.records(),
        round.latencyMillis(0.5),
        round.latencyMillis(0.99));
  }

  /** The median of a figure over the rounds. */
  private static <T> double median(List<T> rounds, ToDoubleFunction<T> figure) {
    return Medians.of(rounds.stream().mapToDouble(figure).toArray());
  }
}
