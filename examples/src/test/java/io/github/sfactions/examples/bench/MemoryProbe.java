package io.github.sfactions.examples.bench;

import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.examples.bench.BenchOptions.Database;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The child JVM of the memory scenario (started with {@code -Xmx256m} by {@link MemoryScenario}):
 * an engine on a database on disk (so rows are not heap) queues {@code records} Leads for the Bulk
 * API, each with a Description of {@code descriptionChars} characters, and waits until the bulk
 * ingest process wrote them all to the parent's emulated org. Prints one line {@value #RESULT}
 * {@code key=value...} with the time, the latencies, the peak heap and the CSV bytes sent.
 *
 * <p>Arguments: login URL, records, description characters, {@code h2} or {@code postgres}, job
 * threads.
 */
public final class MemoryProbe {

  /** The first word of the result line. */
  static final String RESULT = "memory-result";

  private static final Duration STALL = Duration.ofMinutes(5);

  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    BenchLogging.quiet();
    String loginUrl = args[0];
    int records = Integer.parseInt(args[1]);
    int descriptionChars = Integer.parseInt(args[2]);
    Database type = Database.valueOf(args[3].toUpperCase(Locale.ROOT));
    int threads = Integer.parseInt(args[4]);
    EngineEnvironment.Definition definition = EngineEnvironment.Definition.of(Scenario.MEMORY);
    try (HeapWatch heap = new HeapWatch();
        BenchDatabase database = BenchDatabase.create(type, "memory", true)) {
      RecordProbe probe = new RecordProbe(Set.of(definition.processKey()));
      try (BenchEngine engine =
          BenchEngine.start(
              BenchEngine.uniqueName("memory"),
              database,
              threads,
              threads + 10,
              loginUrl,
              probe,
              Map.of(BenchData.BEAN, new BenchData(descriptionChars)),
              MicroBatchSettings.defaults(),
              MicroBatchListener.NONE)) {
        engine.deploy(definition.resources());
        Round round = new Round(records, Integer.MAX_VALUE);
        probe.begin(round);
        BenchRecords data = new BenchRecords("memory");
        RuntimeService runtime = engine.engine().getRuntimeService();
        round.start();
        for (int i = 0; i < records; i++) {
          runtime.startProcessInstanceByKey(definition.processKey(), data.variables(0, i));
        }
        round.awaitAll(STALL, () -> Environment.incidents(engine.engine()));
        long csvBytes =
            engine
                .engine()
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("csvBytes")
                .list()
                .stream()
                .mapToLong(v -> ((Number) v.getValue()).longValue())
                .sum();
        System.out.printf(
            Locale.ROOT,
            "%s seconds=%.3f p50_ms=%.1f p99_ms=%.1f peak_heap_mb=%.1f peak_after_gc_mb=%.1f"
                + " csv_bytes=%d%n",
            RESULT,
            round.seconds(),
            round.latencyMillis(0.5),
            round.latencyMillis(0.99),
            heap.peakUsedMegabytes(),
            heap.peakAfterGcMegabytes(),
            csvBytes);
        System.out.flush();
      }
    }
    System.exit(0);
  }
}
