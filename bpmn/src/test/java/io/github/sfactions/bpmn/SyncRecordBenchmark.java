package io.github.sfactions.bpmn;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.sfactions.camunda.SalesforceConnectorPlugin;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.slf4j.LoggerFactory;

/**
 * Throughput of "Sync one record" next to the engine ceiling, for the developer's own measuring
 * (the official figures come from the benchmark harness, {@code examples/bench/run}). One engine on
 * H2 in memory with full history and its job executor, the emulator on loopback without latency;
 * per round it runs the ceiling (start → async no-op service task → end), then a caller process
 * that calls {@code sfactions-sync-record} for an upsert that creates (no match) and for one that
 * updates (one match), each with the same number of records and job threads, and prints records/s
 * and the ratio to the ceiling of the same round; at the end the medians of the rounds.
 *
 * <p>Run (after {@code ./mvnw -B -q -o -pl bpmn -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}): {@code java -cp
 * bpmn/target/test-classes:bpmn/target/classes:$(cat bpmn/target/cp.txt)
 * io.github.sfactions.bpmn.SyncRecordBenchmark [records] [threads] [rounds] [scenarios]}, e.g.
 * {@code 1000 10 3 sync-created} (the ceiling always runs; default: every scenario).
 */
public final class SyncRecordBenchmark {

  private static final String CEILING = "BenchCeiling";
  private static final String CALLER = "BenchSyncCaller";
  private static final String CPU = ".cpu";
  private static final String DONE = "Synced";
  private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
  private static final List<String> ALL_SCENARIOS =
      List.of("ceiling", "sync-created", "sync-updated");

  private final ProcessEngine engine;
  private final SalesforceEmulator org;
  private final int records;
  private final List<String> scenarios;

  private SyncRecordBenchmark(
      ProcessEngine engine, SalesforceEmulator org, int records, List<String> scenarios) {
    this.engine = engine;
    this.org = org;
    this.records = records;
    this.scenarios = scenarios;
  }

  public static void main(String[] args) throws InterruptedException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> scenarios = new ArrayList<>(List.of("ceiling"));
    for (String scenario : args.length > 3 ? args[3].split(",") : new String[0]) {
      if (!ALL_SCENARIOS.contains(scenario)) {
        throw new IllegalArgumentException(scenario + " is not one of " + ALL_SCENARIOS);
      }
      if (!scenarios.contains(scenario)) {
        scenarios.add(scenario);
      }
    }
    if (scenarios.size() == 1) {
      scenarios = ALL_SCENARIOS;
    }
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    try (SalesforceEmulator org = SalesforceEmulator.builder().dailyApiLimit(100_000_000).start()) {
      ProcessEngine engine = engine(org, threads);
      try {
        deploy(engine);
        SyncRecordBenchmark bench = new SyncRecordBenchmark(engine, org, records, scenarios);
        System.out.printf(
            Locale.ROOT,
            "records=%d job-threads=%d rounds=%d (H2 in memory, history full, 0 ms latency)%n",
            records,
            threads,
            rounds);
        new SyncRecordBenchmark(engine, org, Math.max(50, records / 4), scenarios).round(0);
        Map<String, List<Double>> perSecond = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> cpuMs = new LinkedHashMap<>();
        Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
          Map<String, Double> result = bench.round(round);
          for (String scenario : scenarios) {
            double rate = result.get(scenario);
            double cpu = result.get(scenario + CPU);
            perSecond.computeIfAbsent(scenario, k -> new ArrayList<>()).add(rate);
            ratios
                .computeIfAbsent(scenario, k -> new ArrayList<>())
                .add(rate / result.get("ceiling"));
            cpuMs.computeIfAbsent(scenario, k -> new ArrayList<>()).add(cpu);
            cpuRatios
                .computeIfAbsent(scenario, k -> new ArrayList<>())
                .add(result.get("ceiling" + CPU) / cpu);
          }
        }
        System.out.println("medians:");
        for (String scenario : scenarios) {
          System.out.printf(
              Locale.ROOT,
              "scenario=%s records_per_s=%.1f ratio=%.3f cpu_ms_per_record=%.2f cpu_ratio=%.3f%n",
              scenario,
              median(perSecond.get(scenario)),
              median(ratios.get(scenario)),
              median(cpuMs.get(scenario)),
              median(cpuRatios.get(scenario)));
        }
      } finally {
        engine.close();
      }
    }
  }

  private Map<String, Double> round(int round) throws InterruptedException {
    Map<String, Double> result = new LinkedHashMap<>();
    for (String scenario : scenarios) {
      org.reset();
      List<Map<String, Object>> inputs = new ArrayList<>(records);
      for (int i = 0; i < records; i++) {
        inputs.add(inputs(scenario, round, i));
      }
      String key = "ceiling".equals(scenario) ? CEILING : CALLER;
      long jobsBefore = jobLogEntries();
      statistics(true);
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      for (Map<String, Object> vars : inputs) {
        engine.getRuntimeService().startProcessInstanceByKey(key, vars);
      }
      awaitEnded(key);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / records;
      double jobsPerRecord = (jobLogEntries() - jobsBefore) / (double) records;
      long apiCalls = org.stats().totalApiCalls();
      double rate = records / seconds;
      result.put(scenario, rate);
      result.put(scenario + CPU, cpuMs);
      System.out.printf(
          Locale.ROOT,
          "round=%d scenario=%s records=%d seconds=%.2f records_per_s=%.1f ratio=%.3f"
              + " cpu_ms_per_record=%.2f cpu_ratio=%.3f"
              + " jobs_per_record=%.2f api_calls_per_record=%.2f%n",
          round,
          scenario,
          records,
          seconds,
          rate,
          rate / result.get("ceiling"),
          cpuMs,
          result.get("ceiling" + CPU) / cpuMs,
          jobsPerRecord,
          apiCalls / (double) records);
      printStatements();
      checkOutcome(scenario);
      clearHistory();
    }
    return result;
  }

  /** The inputs of record {@code i}; an update scenario first creates the record it finds. */
  private Map<String, Object> inputs(String scenario, int round, int i) {
    Map<String, Object> vars = new HashMap<>();
    if ("ceiling".equals(scenario)) {
      vars.put("record", i);
      return vars;
    }
    String email = "r" + round + "-" + i + "@bench.example";
    if ("sync-updated".equals(scenario)) {
      org.createRecord(
          "Lead", Map.of("LastName", "Before " + i, "Company", "Bench", "Email", email));
    }
    vars.put(SyncRecordProcess.SOBJECT, "Lead");
    vars.put(SyncRecordProcess.SYNC_MODE, "upsert");
    vars.put(SyncRecordProcess.RECORD_MATCHERS, "{\"Email\": \"" + email + "\"}");
    vars.put(
        SyncRecordProcess.FIELDS,
        "{\"LastName\": \"Bench "
            + i
            + "\", \"Company\": \"Bench\", \"Email\": \""
            + email
            + "\"}");
    return vars;
  }

  private void awaitEnded(String key) throws InterruptedException {
    while (engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(key)
            .finished()
            .count()
        < records) {
      Thread.sleep(20);
    }
  }

  private void checkOutcome(String scenario) {
    if ("ceiling".equals(scenario)) {
      return;
    }
    long done =
        engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(DONE).count();
    int leads = org.records("Lead").size();
    if (done != records || leads != records) {
      throw new IllegalStateException(
          scenario + ": " + done + " callers ended normally, " + leads + " Leads for " + records);
    }
  }

  /**
   * With {@code -Dbench.statements=true}: restarts H2's query statistics (off, then on), so {@link
   * #printStatements} shows the statements of one scenario only.
   */
  private void statistics(boolean on) {
    if (!STATEMENTS) {
      return;
    }
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
      s.execute("SET QUERY_STATISTICS FALSE");
      if (on) {
        s.execute("SET QUERY_STATISTICS TRUE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Statements per record by kind and table (the benchmark's own polling left out). */
  private void printStatements() {
    if (!STATEMENTS) {
      return;
    }
    Map<String, Long> byKind = new java.util.TreeMap<>();
    long total = 0;
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rs.next()) {
        String sql = rs.getString(1).replaceAll("\\s+", " ").trim();
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.contains("COUNT(")
            || upper.startsWith("SET ")
            || upper.contains("QUERY_STATISTICS")) {
          continue;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(ACT_[A-Z_]+)").matcher(upper);
        String table = m.find() ? m.group(1) : "?";
        String kind = upper.split(" ", 2)[0] + " " + table;
        byKind.merge(kind, rs.getLong(2), Long::sum);
        total += rs.getLong(2);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    statistics(false);
    StringBuilder line = new StringBuilder();
    byKind.forEach(
        (kind, n) ->
            line.append(String.format(Locale.ROOT, "  %-32s %6.2f%n", kind, n / (double) records)));
    System.out.printf(
        Locale.ROOT, "  statements_per_record=%.1f%n%s", total / (double) records, line);
  }

  private javax.sql.DataSource dataSource() {
    return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration())
        .getDataSource();
  }

  /** CPU time of this JVM (engine, job threads, emulator, HTTP client and server). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long jobLogEntries() {
    return engine.getHistoryService().createHistoricJobLogQuery().creationLog().count();
  }

  private void clearHistory() {
    List<String> ids = new ArrayList<>();
    engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .finished()
        .list()
        .forEach(pi -> ids.add(pi.getId()));
    for (int from = 0; from < ids.size(); from += 500) {
      engine
          .getHistoryService()
          .deleteHistoricProcessInstancesBulk(ids.subList(from, Math.min(ids.size(), from + 500)));
    }
  }

  private static ProcessEngine engine(SalesforceEmulator org, int threads) {
    StandaloneInMemProcessEngineConfiguration config =
        new StandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName("sync-record-benchmark");
    config.setJdbcUrl("jdbc:h2:mem:sync-record-benchmark;DB_CLOSE_DELAY=-1");
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setJavaSerializationFormatEnabled(false);
    config.setEnforceHistoryTimeToLive(false);
    config.setJdbcMaxActiveConnections(threads + 5);
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueSize(threads);
    executor.setMaxJobsPerAcquisition(threads);
    executor.setWaitTimeInMillis(50);
    executor.setMaxWait(200);
    config.setJobExecutor(executor);
    config.setJobExecutorActivate(true);
    SalesforceConnectorPlugin salesforce = new SalesforceConnectorPlugin();
    salesforce.setLoginUrl(org.loginUrl());
    salesforce.setAllowLocalInstance("true");
    salesforce.setClientId(SalesforceEmulator.DEMO_CLIENT_ID);
    salesforce.setClientSecret(SalesforceEmulator.DEMO_CLIENT_SECRET);
    salesforce.setUsername(SalesforceEmulator.DEMO_USERNAME);
    salesforce.setPassword(SalesforceEmulator.DEMO_PASSWORD);
    salesforce.setSecurityToken(SalesforceEmulator.DEMO_SECURITY_TOKEN);
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new ConnectProcessEnginePlugin());
    plugins.add(salesforce);
    config.setProcessEnginePlugins(plugins);
    return config.buildProcessEngine();
  }

  private static void deploy(ProcessEngine engine) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource(SyncRecordProcess.RESOURCE)
        .addModelInstance("sync-caller.bpmn", caller())
        .addModelInstance(
            "ceiling.bpmn",
            Bpmn.createExecutableProcess(CEILING)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("NoOp")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
  }

  /**
   * The caller as the docs show it: the four inputs an upsert needs, the two outputs most callers
   * read, and a boundary event for each BPMN error.
   */
  private static BpmnModelInstance caller() {
    CallActivityBuilder call =
        Bpmn.createExecutableProcess(CALLER)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("Sync")
            .calledElement(SyncRecordProcess.PROCESS_KEY);
    for (String in :
        List.of(
            SyncRecordProcess.SOBJECT,
            SyncRecordProcess.SYNC_MODE,
            SyncRecordProcess.RECORD_MATCHERS,
            SyncRecordProcess.FIELDS)) {
      call = call.camundaIn(in, in);
    }
    AbstractFlowNodeBuilder<?, ?> flow =
        call.camundaOut(SyncRecordProcess.RECORD_ID, "leadId")
            .camundaOut(SyncRecordProcess.RESULT, "leadResult")
            .endEvent(DONE);
    for (String code : List.of("300", "404", "400")) {
      flow =
          flow.moveToActivity("Sync")
              .boundaryEvent("Error" + code)
              .error(code)
              .endEvent("Failed" + code);
    }
    return flow.done();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
