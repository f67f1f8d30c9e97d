package io.github.sfactions.bpmn.bulk.bench;

import io.github.sfactions.bpmn.bulk.BulkEngines;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import io.github.sfactions.bpmn.bulk.JobDriver;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Measures the engine work the bulk queue adds to one batch, and the Salesforce API calls it
 * spends: per run, {@code records} instances (caller + "Await bulk outcome" call activity) queue
 * one Lead each, then one bulk ingest run sends them and reports every outcome. Each job is timed
 * (wall and CPU of the executing thread) and booked to its activity. "claim+build+report" is the
 * bulk process's own engine work (claim, build CSV, report, late delivery; the HTTP steps are
 * listed apart). "continuation" is the waiting instances' jobs after their outcome arrived (ending
 * the await sub-process and going on in the caller): the callers' own work, spread over the job
 * executor, printed apart. Prints the median over the runs (the first run warms up and is not
 * counted).
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl bpmn -am test-compile
 * ./mvnw -B -q -o -pl bpmn dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bpmn/target/classes:bpmn/target/test-classes:$(cat bpmn/target/cp.txt) \
 *   io.github.sfactions.bpmn.bulk.bench.BulkQueueBenchmark 5 5000 full 500
 * #   args: runs, records per run, history level (full, audit, activity, none), outcomes per report transaction
 * #   -Dbench.sqlStatistics=true before -cp also prints H2's statistics of the 15 costliest SQL statements
 * }</pre>
 */
public final class BulkQueueBenchmark {

  private static final List<String> ENGINE_STEPS =
      List.of("ClaimBatch", "BuildCsv", "ReportOutcomes", "DeliverLate");

  /**
   * The activity whose asynchronous continuation the waiting instances run once their outcome
   * arrived.
   */
  private static final String CONTINUATION_STEP = "AwaitOutcome";

  private BulkQueueBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    String history = args.length > 2 ? args[2] : "full";
    int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    BulkIngestPlugin plugin = BulkEngines.plugin(records);
    plugin.setReportChunkSize(chunk);
    ProcessEngine engine =
        BulkEngines.engine(
            "sfactions-bulk-bench",
            "jdbc:h2:mem:sfactions-bulk-bench;" + "DB_CLOSE_DELAY=-1",
            history,
            plugin);
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-await.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-lead-caller.bpmn")
        .deploy();
    boolean sqlStatistics = Boolean.getBoolean("bench.sqlStatistics");
    if (sqlStatistics) {
      sql(engine, "SET QUERY_STATISTICS_MAX_ENTRIES 1000");
      sql(engine, "SET QUERY_STATISTICS TRUE");
    }
    List<Map<String, double[]>> results = new ArrayList<>();
    List<double[]> totals = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      SalesforceEmulator sf = BulkTestOrg.fresh();
      Map<String, double[]> steps = new TreeMap<>();
      long enqueueStart = System.nanoTime();
      RuntimeService runtime = engine.getRuntimeService();
      List<String> callers = new ArrayList<>(records);
      for (int i = 0; i < records; i++) {
        callers.add(
            runtime
                .startProcessInstanceByKey(
                    "BulkLeadCaller",
                    Map.of(
                        "variant",
                        "insert",
                        "lastName",
                        "L" + run + "-" + i,
                        "company",
                        "Acme",
                        "connection",
                        BulkTestOrg.CONNECTION))
                .getId());
      }
      double startMs = (System.nanoTime() - enqueueStart) / 1e6;
      runJobsTimed(engine, steps, "InsertLead");
      System.out.printf(
          "  started %d callers in %.0f ms; queued %d; bulk runs after queueing: %d, claims: %s%n",
          records,
          startMs,
          io.github.sfactions.bpmn.bulk.QueueTable.size(engine),
          new JobDriver(engine).activeBulkRuns(),
          engine
              .getHistoryService()
              .createHistoricVariableInstanceQuery()
              .variableName(BulkIngestVariables.RECORD_COUNT)
              .list()
              .stream()
              .map(v -> String.valueOf(v.getValue()))
              .toList());
      double enqueueMs = (System.nanoTime() - enqueueStart) / 1e6;
      long callsBefore = sf.stats().totalApiCalls();
      if (engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(BulkIngestVariables.PROCESS_KEY)
              .count()
          == 0) {
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
      long open =
          runtime.createProcessInstanceQuery().processDefinitionKey("BulkLeadCaller").count();
      if (open != 0) {
        engine.getHistoryService().createHistoricVariableInstanceQuery().list().stream()
            .filter(v -> v.getProcessDefinitionKey().equals(BulkIngestVariables.PROCESS_KEY))
            .forEach(
                v ->
                    System.out.println(
                        "  " + v.getProcessInstanceId() + " " + v.getName() + "=" + v.getValue()));
        engine
            .getManagementService()
            .createJobQuery()
            .list()
            .forEach(
                j ->
                    System.out.println(
                        "  job "
                            + JobDriver.activityOf(engine, j)
                            + " due "
                            + j.getDuedate()
                            + " retries "
                            + j.getRetries()));
        throw new IllegalStateException(open + " callers did not end");
      }
      double engineWall =
          ENGINE_STEPS.stream().mapToDouble(s -> steps.getOrDefault(s, new double[2])[0]).sum();
      double engineCpu =
          ENGINE_STEPS.stream().mapToDouble(s -> steps.getOrDefault(s, new double[2])[1]).sum();
      double[] continuation = steps.getOrDefault(CONTINUATION_STEP, new double[2]);
      System.out.printf(
          "run %d%s: queue %d records %.0f ms; claim+build+report %.0f ms wall / %.0f ms CPU;"
              + " continuation %.0f ms wall; API calls %d (%.5f per record); steps %s%n",
          run,
          run == 0 ? " (warm-up)" : "",
          records,
          enqueueMs,
          engineWall,
          engineCpu,
          continuation[0],
          calls,
          (double) calls / records,
          format(steps));
      if (run > 0) {
        results.add(steps);
        totals.add(
            new double[] {
              enqueueMs, engineWall, engineCpu, calls, continuation[0], continuation[1]
            });
      }
    }
    System.out.printf(
        "MEDIAN over %d runs of %d records (history %s): queueing %.0f ms (%.2f ms/record);"
            + " claim+build+report %.0f ms wall / %.0f ms CPU; continuation of the waiting instances %.0f ms wall /"
            + " %.0f ms CPU (%.2f ms/record); API calls %.0f (%.5f per record)%n",
        runs,
        records,
        history,
        median(totals, 0),
        median(totals, 0) / records,
        median(totals, 1),
        median(totals, 2),
        median(totals, 4),
        median(totals, 5),
        median(totals, 4) / records,
        median(totals, 3),
        median(totals, 3) / records);
    Map<String, double[]> medianSteps = new TreeMap<>();
    results
        .get(0)
        .keySet()
        .forEach(
            step ->
                medianSteps.put(
                    step, new double[] {medianOf(results, step, 0), medianOf(results, step, 1)}));
    System.out.println("MEDIAN per step (wall ms / CPU ms): " + format(medianSteps));
    if (sqlStatistics) {
      printSqlStatistics(engine);
    }
    engine.close();
    System.exit(0);
  }

  private static void sql(ProcessEngine engine, String statement) {
    try (Connection c = dataSource(engine).getConnection();
        Statement st = c.createStatement()) {
      st.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** All runs, warm-up included: count, total ms and the statement (cut to 140 characters). */
  private static void printSqlStatistics(ProcessEngine engine) {
    String query =
        "SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT"
            + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 15";
    try (Connection c = dataSource(engine).getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      System.out.println("SQL statements, all runs (count, total ms, statement):");
      while (rs.next()) {
        String text = rs.getString(3).replaceAll("\\s+", " ");
        System.out.printf(
            "  %8d %8.0f  %s%n",
            rs.getLong(1), rs.getDouble(2), text.substring(0, Math.min(140, text.length())));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  private static DataSource dataSource(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource();
  }

  /** Executes due jobs, adding each job's wall and CPU time to its activity. */
  private static void runJobsTimed(ProcessEngine engine, Map<String, double[]> steps, String only) {
    ManagementService m = engine.getManagementService();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 100_000; round++) {
      List<Job> due = m.createJobQuery().executable().listPage(0, 500);
      if (only != null) {
        due = due.stream().filter(j -> only.equals(JobDriver.activityOf(engine, j))).toList();
      }
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        String activity = JobDriver.activityOf(engine, job);
        if (only != null && !only.equals(activity)) {
          continue;
        }
        String key = activity == null ? "timer" : activity;
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
