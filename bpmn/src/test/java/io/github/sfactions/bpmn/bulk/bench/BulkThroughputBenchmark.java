package io.github.sfactions.bpmn.bulk.bench;

import io.github.sfactions.bpmn.bulk.BackfillResult;
import io.github.sfactions.bpmn.bulk.BackfillSummary;
import io.github.sfactions.bpmn.bulk.BackfillTarget;
import io.github.sfactions.bpmn.bulk.BulkBackfill;
import io.github.sfactions.bpmn.bulk.BulkEngines;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import io.github.sfactions.bpmn.bulk.OutcomeLog;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.BulkOperation;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Records per second and Salesforce API calls per record of the durable bulk queue, end to end,
 * with the job executor running in real time. Scenario {@code bulk}: {@code records} instances of
 * the lean caller (queue the Lead, wait for its outcome inline) are started by {@code callers}
 * threads; the run ends when every instance has its outcome. Scenario {@code backfill}: the same
 * number of Leads as a JSON-lines stream through {@link BulkBackfill#load} (no instance per
 * record); the run ends when the back-fill's summary has every outcome. Batches of 5000, flush
 * interval 10 s (the example app's), poll interval 1 s, H2 in memory, history off, the emulator
 * with no latency. Prints each run and the medians; the first run warms up and is not counted.
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl bpmn -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bpmn/target/classes:bpmn/target/test-classes:$(cat bpmn/target/cp.txt) \
 *   io.github.sfactions.bpmn.bulk.bench.BulkThroughputBenchmark bulk 3 20000 4 8
 * #   args: scenario (bulk, backfill), runs, records per run, caller threads, job executor threads
 * #   -Dbench.firstPollInterval=PT0.2S (before -cp): wait before each job's first poll (default 1 s)
 * }</pre>
 */
public final class BulkThroughputBenchmark {

  private static final String CONNECTION = "bulkbench";

  private BulkThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "bulk";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int records = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int callers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int jobThreads = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    OutcomeLog log = new OutcomeLog();
    BulkIngestPlugin plugin = BulkEngines.plugin(5000);
    plugin.setFlushInterval("PT10S");
    plugin.setPollInterval("PT1S");
    // -Dbench.firstPollInterval=PT0.2S: an earlier first look at each closed job (default PT1S)
    String firstPoll = System.getProperty("bench.firstPollInterval");
    if (firstPoll != null) {
      plugin.setFirstPollInterval(firstPoll);
    }
    ProcessEngine engine =
        BulkEngines.running(
            "sfactions-bulk-throughput",
            "jdbc:h2:mem:sfactions-bulk-throughput;DB_CLOSE_DELAY=-1",
            "none",
            plugin,
            Map.of("outcomeLog", log),
            jobThreads);
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-lean-caller.bpmn")
        .deploy();
    List<double[]> results = new ArrayList<>();
    // a connection of its own with a generous read timeout: on a busy machine the emulator may take
    // longer than the tests' 20 s to answer a 5000-record upload
    SalesforceConnections.global()
        .register(
            CONNECTION,
            BulkTestOrg.settings(BulkTestOrg.fresh().loginUrl(), Duration.ofMinutes(5)));
    try {
      for (int run = 0; run <= runs; run++) {
        SalesforceEmulator sf = BulkTestOrg.fresh();
        log.clear();
        double[] r =
            scenario.equals("backfill")
                ? backfill(engine, sf, records, "R" + run + "-")
                : run(engine, sf, log, records, callers, "R" + run + "-");
        System.out.printf(
            "%s run %d: %d records in %.1f s = %.0f records/s; %d API calls = %.5f calls/record;"
                + " %d jobs%n",
            run == 0 ? "warm-up" : "   ",
            run,
            records,
            r[0],
            records / r[0],
            (long) r[1],
            r[1] / records,
            (long) r[2]);
        if (run > 0) {
          results.add(r);
        }
      }
    } finally {
      engine.close();
    }
    double seconds = median(results, 0);
    double calls = median(results, 1);
    System.out.printf(
        "scenario=%s db=h2 records=%d seconds=%.1f records_per_s=%.0f api_calls_per_record=%.5f"
            + " runs=%d%n",
        scenario, records, seconds, records / seconds, calls / records, results.size());
    // the emulator's server threads would keep the JVM alive
    System.exit(0);
  }

  private static double[] run(
      ProcessEngine engine,
      SalesforceEmulator sf,
      OutcomeLog log,
      int records,
      int callers,
      String prefix)
      throws Exception {
    RuntimeService runtime = engine.getRuntimeService();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> started = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      int thread = t;
      started.add(
          pool.submit(
              () -> {
                for (int i = thread; i < records; i += callers) {
                  runtime.startProcessInstanceByKey(
                      "BulkLeanCaller", Map.of("lastName", prefix + i, "connection", CONNECTION));
                }
                return null;
              }));
    }
    for (Future<?> f : started) {
      f.get();
    }
    pool.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (log.entries().size() < records) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Only " + log.entries().size() + " of " + records + " outcomes after 10 minutes");
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {seconds, sf.stats().totalApiCalls(), BulkTestOrg.jobs(sf).size()};
  }

  private static double[] backfill(
      ProcessEngine engine, SalesforceEmulator sf, int records, String prefix) throws Exception {
    long start = System.nanoTime();
    BulkBackfill backfill = BulkBackfill.of(engine);
    BackfillResult loaded =
        backfill.load(
            new BackfillTarget(prefix + "leads", CONNECTION, "Lead", BulkOperation.INSERT, null),
            new LeadLines(prefix, records));
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    // when each batch's outcomes were settled, seen from here (20 ms resolution): shows whether
    // the time goes into loading, into waiting for runs, or into the runs themselves
    StringBuilder settled = new StringBuilder();
    long lastSettled = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      BackfillSummary now = backfill.summary(loaded.backfillId()).orElseThrow();
      long outcomes = now.created() + now.updated() + now.failed();
      if (outcomes != lastSettled) {
        settled.append(String.format(" %.2fs:%d", (System.nanoTime() - start) / 1e9, outcomes));
        lastSettled = outcomes;
      }
      if (now.done()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Back-fill not done after 10 minutes: " + now);
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("    loaded in %.2f s; settled at%s%n", loadSeconds, settled);
    BackfillSummary summary = backfill.summary(loaded.backfillId()).orElseThrow();
    if (summary.created() != records) {
      System.out.printf(
          "    created %d, failed %d of %d; first failure: %s%n",
          summary.created(), summary.failed(), records, firstFailure(backfill, loaded));
    }
    return new double[] {seconds, sf.stats().totalApiCalls(), BulkTestOrg.jobs(sf).size()};
  }

  private static String firstFailure(BulkBackfill backfill, BackfillResult loaded) {
    List<String> first = new ArrayList<>();
    backfill.failedRecords(
        loaded.backfillId(),
        r -> {
          if (first.isEmpty()) {
            first.add(r.errorCode() + " " + r.error());
          }
        });
    return first.isEmpty() ? "none" : first.get(0);
  }

  /** JSON lines of Leads, generated while they are read. */
  private static final class LeadLines extends InputStream {
    private final String prefix;
    private final int records;
    private int next;
    private byte[] line = new byte[0];
    private int position;

    LeadLines(String prefix, int records) {
      this.prefix = prefix;
      this.records = records;
    }

    @Override
    public int read() {
      if (position == line.length) {
        if (next == records) {
          return -1;
        }
        line =
            ("{\"LastName\":\"" + prefix + next++ + "\",\"Company\":\"Acme\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        position = 0;
      }
      return line[position++] & 0xFF;
    }
  }

  static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
