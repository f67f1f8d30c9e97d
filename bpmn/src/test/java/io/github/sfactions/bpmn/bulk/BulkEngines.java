package io.github.sfactions.bpmn.bulk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;

/**
 * Process engines for the bulk tests, built in code (no {@code camunda.cfg.xml}) so each test class
 * can choose its database, history level and bulk settings. H2 engines are cached by name for the
 * JVM's life, like camunda-bpm-junit5 does; PostgreSQL engines live as long as their test class's
 * database. The job executor is off so tests drive jobs and timers by hand.
 */
public final class BulkEngines {

  private static final Map<String, ProcessEngine> ENGINES = new ConcurrentHashMap<>();

  private BulkEngines() {}

  /** The engine of this name, built on first use. */
  public static ProcessEngine engine(
      String name, String jdbcUrl, String historyLevel, BulkIngestPlugin bulk) {
    return engine(name, jdbcUrl, historyLevel, bulk, Map.of());
  }

  /** The engine of this name with these expression beans, built on first use. */
  public static ProcessEngine engine(
      String name,
      String jdbcUrl,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans) {
    return ENGINES.computeIfAbsent(
        name, n -> build(n, "org.h2.Driver", jdbcUrl, "sa", historyLevel, bulk, beans, 0));
  }

  /**
   * A new H2 engine whose job executor runs with {@code threads} threads (benchmarks: jobs and
   * timers run on their own, in real time). Not cached; close it when done.
   */
  public static ProcessEngine running(
      String name,
      String jdbcUrl,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans,
      int threads) {
    return build(name, "org.h2.Driver", jdbcUrl, "sa", historyLevel, bulk, beans, threads);
  }

  /**
   * A new H2 engine as one node of a cluster: its job executor runs with {@code threads} threads,
   * and ids are UUIDs (as the Spring Boot starter's default), so that nodes starting instances at
   * once do not compete for blocks of the database's id counter. Not cached; close it when done.
   */
  public static ProcessEngine clusterNode(
      String name, String jdbcUrl, BulkIngestPlugin bulk, int threads) {
    ProcessEngineConfigurationImpl c =
        configuration(name, "org.h2.Driver", jdbcUrl, "sa", "full", bulk, Map.of(), threads);
    c.setIdGenerator(new StrongUuidGenerator());
    return c.buildProcessEngine();
  }

  /**
   * A new engine on a PostgreSQL test database (not cached: the test class that asked for it closes
   * it before it drops the database).
   */
  public static ProcessEngine postgres(
      String name,
      PostgresTestDatabase database,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans) {
    return postgres(name, database.url(), historyLevel, bulk, beans);
  }

  /**
   * A new engine on the PostgreSQL database at {@code jdbcUrl} (a child JVM that was handed a test
   * database's URL).
   */
  public static ProcessEngine postgres(
      String name,
      String jdbcUrl,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans) {
    return build(
        name,
        "org.postgresql.Driver",
        jdbcUrl,
        PostgresTestDatabase.USER,
        historyLevel,
        bulk,
        beans,
        0);
  }

  /**
   * A bulk plugin with test settings: batches of {@code batchSize}, poll every 10 s, give up after
   * 5 min.
   */
  public static BulkIngestPlugin plugin(int batchSize) {
    BulkIngestPlugin plugin = new BulkIngestPlugin();
    plugin.setBatchSize(batchSize);
    plugin.setFlushInterval("PT30S");
    plugin.setPollInterval("PT10S");
    plugin.setMaxWait("PT5M");
    plugin.setClaimTimeout("PT1H");
    plugin.setReportChunkSize(500);
    plugin.setMaxUploadAttempts(3);
    return plugin;
  }

  private static ProcessEngine build(
      String name,
      String driver,
      String jdbcUrl,
      String user,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans,
      int jobThreads) {
    return configuration(name, driver, jdbcUrl, user, historyLevel, bulk, beans, jobThreads)
        .buildProcessEngine();
  }

  private static ProcessEngineConfigurationImpl configuration(
      String name,
      String driver,
      String jdbcUrl,
      String user,
      String historyLevel,
      BulkIngestPlugin bulk,
      Map<String, Object> beans,
      int jobThreads) {
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setBeans(new java.util.HashMap<>(beans));
    c.setProcessEngineName(name);
    c.setJdbcUrl(jdbcUrl);
    c.setJdbcDriver(driver);
    c.setJdbcUsername(user);
    c.setJdbcPassword("");
    c.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
    c.setJobExecutorActivate(jobThreads > 0);
    if (jobThreads > 0) {
      c.setJobExecutorDeploymentAware(false);
      DefaultJobExecutor executor = new DefaultJobExecutor();
      executor.setCorePoolSize(jobThreads);
      executor.setMaxPoolSize(jobThreads);
      executor.setMaxJobsPerAcquisition(jobThreads * 2);
      executor.setWaitTimeInMillis(50);
      executor.setMaxWait(200);
      c.setJobExecutor(executor);
    }
    c.setHistory(historyLevel);
    c.setJavaSerializationFormatEnabled(false);
    c.setEnableExceptionsAfterUnhandledBpmnError(true);
    c.setJdbcMaxActiveConnections(Math.max(20, jobThreads + 10));
    List<ProcessEnginePlugin> plugins = List.of(new ConnectProcessEnginePlugin(), bulk);
    c.setProcessEnginePlugins(new java.util.ArrayList<>(plugins));
    return c;
  }
}
