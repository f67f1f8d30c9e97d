package io.github.sfactions.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;

/**
 * A scenario on an engine of its own ({@link BenchEngine}): its diagrams deployed, its own emulated
 * org and database; the benchmark thread starts one instance per record with the same three
 * variables in every scenario.
 */
final class EngineEnvironment extends Environment {

  private static final String BENCH = "io/github/sfactions/examples/bench/";
  private static final String BULK = "io/github/sfactions/bpmn/bulk/";
  private static final List<String> BULK_PROCESSES =
      List.of(BULK + "bulk-ingest.bpmn", BULK + "bulk-await.bpmn");

  /** The collector, and the reusable await (the bench's callers wait by catch event instead). */
  private static final List<String> MICRO_BATCH_PROCESSES =
      List.of(
          BULK + "micro-batch.bpmn",
          BULK + "micro-batch-await.bpmn",
          BULK + "micro-batch-deliver.bpmn");

  /**
   * Threads that start instances, like the intake's concurrent clients: one thread alone gets too
   * small a share of two cores beside the job threads to keep their queue filled.
   */
  static final int STARTERS = 4;

  /**
   * A scenario's process: the key of a record's instance, the diagrams to deploy, and how records
   * wait for a batch ({@code batched}: the durable bulk queue; {@code microBatched}: the
   * micro-batch collector).
   */
  record Definition(
      String processKey, List<String> resources, boolean batched, boolean microBatched) {

    static Definition of(Scenario scenario) {
      return switch (scenario) {
        case CEILING -> streaming("bench-ceiling", BENCH + "ceiling.bpmn");
        case CONNECTOR -> streaming("bench-connector", BENCH + "connector.bpmn");
        case NATIVE_UPSERT -> streaming("bench-native-upsert", BENCH + "native-upsert.bpmn");
        case SYNC_RECORD ->
            streaming(
                "bench-sync-record",
                BENCH + "sync-record-caller.bpmn",
                "io/github/sfactions/bpmn/sync/sync-record.bpmn");
        case BULK -> batched("bench-bulk", BENCH + "bulk-caller.bpmn");
        case MICROBATCH -> microBatched("bench-microbatch");
        case MICROBATCH_EXT -> microBatched("bench-microbatch-ext");
        case MEMORY -> batched("bench-memory", BENCH + "memory-caller.bpmn");
        default -> throw new IllegalArgumentException(scenario.label() + " runs in the app");
      };
    }

    private static Definition streaming(String key, String... resources) {
      return new Definition(key, List.of(resources), false, false);
    }

    private static Definition microBatched(String key) {
      List<String> resources = new ArrayList<>(MICRO_BATCH_PROCESSES);
      resources.add(BENCH + "micro-batch-caller.bpmn");
      return new Definition(key, resources, false, true);
    }

    private static Definition batched(String key, String caller) {
      List<String> resources = new ArrayList<>(BULK_PROCESSES);
      resources.add(caller);
      return new Definition(key, resources, true, false);
    }
  }

  private final Definition definition;
  private final BenchDatabase database;
  private final BenchEngine engine;
  private final BenchRecords records;
  private final FlushLog flushes;

  private EngineEnvironment(
      Definition definition,
      BenchOrg org,
      BenchDatabase database,
      BenchEngine engine,
      RecordProbe probe,
      BenchRecords records,
      FlushLog flushes,
      int window) {
    super(org, probe, window);
    this.definition = definition;
    this.database = database;
    this.engine = engine;
    this.records = records;
    this.flushes = flushes;
  }

  /**
   * A fresh engine, database and org for the scenario. Streaming scenarios keep four records per
   * job thread in flight (enough to keep every thread busy, few enough that a latency is a
   * record's, not a queue's); batched ones start every record at once, as a back-fill would.
   * Micro-batched ones keep two groups more in flight (one filling, one being sent), so that
   * records waiting for their group do not starve the job threads of new records.
   */
  static EngineEnvironment start(Scenario scenario, BenchOptions options, BenchRecords records) {
    Definition definition = Definition.of(scenario);
    RecordProbe probe = new RecordProbe(Set.of(definition.processKey()));
    BenchOrg org = BenchOrg.start(options.latencyMs());
    BenchDatabase database = null;
    FlushLog flushes = new FlushLog();
    try {
      database = BenchDatabase.create(options.database(), scenario.label());
      BenchEngine engine =
          BenchEngine.start(
              BenchEngine.uniqueName(scenario.label()),
              database,
              options.threads(),
              options.poolSize(),
              org.emulator().loginUrl(),
              probe,
              Map.of(),
              options.microBatch(),
              flushes);
      engine.deploy(definition.resources());
      int window =
          definition.batched()
              ? Integer.MAX_VALUE
              : 4 * options.threads()
                  + (definition.microBatched() ? 2 * options.microBatch().maxRecords() : 0);
      return new EngineEnvironment(
          definition, org, database, engine, probe, records, flushes, window);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      org.close();
      throw e;
    }
  }

  @Override
  ProcessEngine engine() {
    return engine.engine();
  }

  @Override
  void put(Round round, int roundNumber) throws Exception {
    RuntimeService runtime = engine.engine().getRuntimeService();
    Starters.run(
        STARTERS,
        round.records(),
        i -> {
          round.admit(1);
          runtime.startProcessInstanceByKey(
              definition.processKey(), records.variables(roundNumber, i));
        });
  }

  @Override
  String roundNote() {
    return definition.microBatched() ? flushes.takeSummary() : "";
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      database.close();
      org().close();
    }
  }
}
