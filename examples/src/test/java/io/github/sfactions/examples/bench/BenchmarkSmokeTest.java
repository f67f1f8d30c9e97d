package io.github.sfactions.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark harness from rotting: every scenario runs once with a handful of records and
 * prints its machine-readable line. It measures nothing (figures come from {@code
 * examples/bench/run}, see docs/performance.md).
 */
class BenchmarkSmokeTest {

  @Test
  void everyScenarioRunsWithAFewRecordsAndPrintsItsMachineReadableLine() {
    BenchOptions options =
        BenchOptions.parse(
            "--records",
            "8",
            "--rounds",
            "1",
            "--warmups",
            "0",
            "--threads",
            "4",
            "--memory-records",
            "40",
            "--memory-csv-mb",
            "1");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    List<ScenarioResult> results = Benchmark.run(options, out);
    ResultTable.print(results, out);

    assertThat(results).extracting(ScenarioResult::scenario).containsExactly(Scenario.values());
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.failure()).as(r.scenario().label()).isNull();
              assertThat(r.recordsPerSecond()).as(r.scenario().label()).isPositive();
            });
    assertThat(results.get(Scenario.CONNECTOR.ordinal()).apiCallsPerRecord()).isEqualTo(2.0);
    assertThat(results.get(Scenario.NATIVE_UPSERT.ordinal()).apiCallsPerRecord()).isEqualTo(1.0);
    // grouped, not one by one (REST: 2 and 1): the 8 records are usually one group sent after
    // maxDelay (a query and a create = 0.25, one upsert = 0.125); a slow start may split them
    assertThat(results.get(Scenario.MICROBATCH.ordinal()).apiCallsPerRecord()).isLessThan(1.0);
    assertThat(results.get(Scenario.MICROBATCH_EXT.ordinal()).apiCallsPerRecord()).isLessThan(1.0);
    assertThat(results.get(Scenario.MEMORY.ordinal()).extra())
        .containsKeys("heap_batch_mb", "heap_csv_mb")
        .doesNotContainKey("failed");
    String printed = output.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    for (Scenario scenario : Scenario.values()) {
      assertThat(printed)
          .containsPattern(
              "(?m)^scenario="
                  + scenario.label()
                  + " db=h2 records=\\d+ seconds=[0-9.]+ records_per_s=[0-9.]+ ceiling_per_s=[0-9.]+"
                  + " ratio=[0-9.]+ api_calls_per_record=[0-9.]+ p50_ms=[0-9.]+ p99_ms=[0-9.]+");
    }
  }

  @Test
  void theCeilingIsMeasuredFirstAndWrongArgumentsAreNamed() {
    BenchOptions options = BenchOptions.parse("connector", "--latency-ms", "150");
    assertThat(options.runOrder()).containsExactly(Scenario.CEILING, Scenario.CONNECTOR);
    assertThat(options.threads()).isEqualTo(50);
    assertThat(options.poolSize()).isEqualTo(60);
    assertThat(options.microBatch().maxRecords()).isEqualTo(200);
    assertThat(options.microBatch().maxDelay()).hasSeconds(1);
    BenchOptions micro =
        BenchOptions.parse("--micro-batch-records", "50", "--micro-batch-delay-ms", "250");
    assertThat(micro.microBatch().maxRecords()).isEqualTo(50);
    assertThat(micro.microBatch().maxDelay()).hasMillis(250);
    assertThatThrownBy(() -> BenchOptions.parse("--micro-batch-records", "201"))
        .hasMessageContaining("maxRecords must be between 1 and 200");
    assertThat(BenchOptions.parse().scenarios())
        .containsExactlyElementsOf(Arrays.asList(Scenario.values()));
    assertThatThrownBy(() -> BenchOptions.parse("conector"))
        .hasMessageContaining("Unknown scenario conector");
    assertThatThrownBy(() -> BenchOptions.parse("--db", "oracle"))
        .hasMessageContaining("--db is h2 or postgres");
    assertThatThrownBy(() -> BenchOptions.parse("--memory-records", "100", "--memory-csv-mb", "10"))
        .hasMessageContaining("longer than Salesforce's 32000 characters");
    assertThatThrownBy(() -> BenchOptions.parse("--records"))
        .hasMessageContaining("--records needs a value");
  }
}
