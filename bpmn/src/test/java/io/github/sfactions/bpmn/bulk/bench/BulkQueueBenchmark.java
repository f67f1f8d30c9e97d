package io.github.sfactions.bpmn.bulk.bench;

import io.github.sfactions.bpmn.bulk.BulkEngines;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import io.github.sfactions.bpmn.bulk.JobDriver;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Measures the engine work the bulk queue adds to one batch, and the Salesforce API calls it spends: per run,
 * {@code records} instances (caller + "Await bulk outcome" call activity, full history) queue one Lead each,
 * then one bulk ingest run sends them and reports every outcome. Each step's job is timed (wall and CPU of the
 * executing thread); HTTP steps are listed apart from the pure engine steps (claim, build CSV, report). Prints
 * the median over the runs (the first run warms up and is not counted).
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl bpmn -am test-compile
 * ./mvnw -B -q -o -pl bpmn dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bpmn/target/classes:bpmn/target/test-classes:$(cat bpmn/target/cp.txt) \
 *   io.github.sfactions.bpmn.bulk.bench.BulkQueueBenchmark 5 5000 full
 * #   args: runs, records per run, history level (full, audit, activity, none)
 * }</pre>
 */
public final class BulkQueueBenchmark {

  private static final List<String> ENGINE_STEPS = List.of("ClaimBatch", "BuildCsv", "ReportOutcomes",
      "DeliverLate");

  private BulkQueueBenchmark() {
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    String history = args.length > 2 ? args[2] : "full";
    ProcessEngine engine = BulkEngines.engine("sfactions-bulk-bench", "jdbc:h2:mem:sfactions-bulk-bench;"
        + "DB_CLOSE_DELAY=-1", history, BulkEngines.plugin(records));
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-await.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-lead-caller.bpmn").deploy();
    List<Map<String, double[]>> results = new ArrayList<>();
    List<double[]> totals = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      SalesforceEmulator sf = BulkTestOrg.fresh();
      Map<String, double[]> steps = new TreeMap<>();
      long enqueueStart = System.nanoTime();
      RuntimeService runtime = engine.getRuntimeService();
      List<String> callers = new ArrayList<>(records);
      for (int i = 0; i < records; i++) {
        callers.add(runtime.startProcessInstanceByKey("BulkLeadCaller", Map.of("variant", "insert",
            "lastName", "L" + run + "-" + i, "company", "Acme", "connection", BulkTestOrg.CONNECTION)).getId());
      }
      runJobsTimed(engine, steps, "QueueLead");
      double enqueueMs = (System.nanoTime() - enqueueStart) / 1e6;
      long callsBefore = sf.stats().totalApiCalls();
      if (engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(BulkIngestVariables.PROCESS_KEY).count() == 0) {
        new JobDriver(engine).flush();
      }
      JobDriver driver = new JobDriver(engine);
      for (int round = 0; round < 1000 && driver.activeBulkRuns() > 0; round++) {
        runJobsTimed(engine, steps, null);
        if (driver.activeBulkRuns() > 0) {
          BulkTestOrg.awaitJobsSettled(sf, Duration.ofSeconds(60));
          JobDriver.advance(Duration.ofSeconds(10));
        }
      }
      long calls = sf.stats().totalApiCalls() - callsBefore;
      long open = runtime.createProcessInstanceQuery().processDefinitionKey("BulkLeadCaller").count();
      if (open != 0) {
        throw new IllegalStateException(open + " callers did not end");
      }
      double engineWall = ENGINE_STEPS.stream().mapToDouble(s -> steps.getOrDefault(s, new double[2])[0]).sum();
      double engineCpu = ENGINE_STEPS.stream().mapToDouble(s -> steps.getOrDefault(s, new double[2])[1]).sum();
      System.out.printf("run %d%s: queue %d records %.0f ms; claim+build+report %.0f ms wall / %.0f ms CPU;"
          + " API calls %d (%.5f per record); steps %s%n", run, run == 0 ? " (warm-up)" : "", records, enqueueMs,
          engineWall, engineCpu, calls, (double) calls / records, format(steps));
      if (run > 0) {
        results.add(steps);
        totals.add(new double[] {enqueueMs, engineWall, engineCpu, calls});
      }
    }
    System.out.printf("MEDIAN over %d runs of %d records (history %s): queueing %.0f ms (%.2f ms/record);"
        + " claim+build+report %.0f ms wall / %.0f ms CPU; API calls %.0f (%.5f per record)%n", runs, records,
        history, median(totals, 0), median(totals, 0) / records, median(totals, 1), median(totals, 2),
        median(totals, 3), median(totals, 3) / records);
    Map<String, double[]> medianSteps = new TreeMap<>();
    results.get(0).keySet().forEach(step -> medianSteps.put(step, new double[] {
        medianOf(results, step, 0), medianOf(results, step, 1)}));
    System.out.println("MEDIAN per step (wall ms / CPU ms): " + format(medianSteps));
    engine.close();
    System.exit(0);
  }

  /** Executes due jobs, adding each job's wall and CPU time to its activity. */
  private static void runJobsTimed(ProcessEngine engine, Map<String, double[]> steps, String only) {
    ManagementService m = engine.getManagementService();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 100_000; round++) {
      List<Job> due = m.createJobQuery().executable().listPage(0, 500);
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        String activity = ((JobEntity) job).getActivityId();
        String key = only != null ? only : activity == null ? "timer" : activity;
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        m.executeJob(job.getId());
        double[] t = steps.computeIfAbsent(key, k -> new double[2]);
        t[0] += (System.nanoTime() - wall) / 1e6;
        t[1] += (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
      }
    }
  }

  private static String format(Map<String, double[]> steps) {
    StringBuilder sb = new StringBuilder();
    steps.forEach((k, v) -> sb.append(String.format("%s=%.0f/%.0f ", k, v[0], v[1])));
    return sb.toString().trim();
  }

  private static double median(List<double[]> rows, int column) {
    List<Double> values = new ArrayList<>();
    rows.forEach(r -> values.add(r[column]));
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  private static double medianOf(List<Map<String, double[]>> runs, String step, int column) {
    List<double[]> rows = new ArrayList<>();
    runs.forEach(r -> rows.add(r.getOrDefault(step, new double[2])));
    return median(rows, column);
  }
}
