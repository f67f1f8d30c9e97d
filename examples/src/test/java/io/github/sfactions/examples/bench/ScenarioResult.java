package io.github.sfactions.examples.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's figures: medians over its measured rounds, or why it failed.
 *
 * @param scenario the scenario
 * @param database {@code h2} or {@code postgres}
 * @param records records per round
 * @param seconds median seconds per round (first record in to last record ended)
 * @param recordsPerSecond median records per second
 * @param apiCallsPerRecord median Salesforce API calls per record, as the emulated org counted them
 * @param p50Millis median of the rounds' 50th percentile latency (instance start to end)
 * @param p99Millis median of the rounds' 99th percentile latency
 * @param note what the table says about how the scenario ran
 * @param extra further key=value fields of the machine-readable line (the memory scenario's heap)
 * @param failure why the scenario failed, or null
 */
public record ScenarioResult(
    Scenario scenario,
    String database,
    int records,
    double seconds,
    double recordsPerSecond,
    double apiCallsPerRecord,
    double p50Millis,
    double p99Millis,
    String note,
    Map<String, String> extra,
    String failure) {

  public ScenarioResult {
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** A scenario that could not be measured. */
  static ScenarioResult failed(Scenario scenario, String database, int records, String failure) {
    return new ScenarioResult(
        scenario,
        database,
        records,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        "",
        Map.of(),
        failure);
  }
}
