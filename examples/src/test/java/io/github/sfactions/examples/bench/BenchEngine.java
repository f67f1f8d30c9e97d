package io.github.sfactions.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.camunda.SalesforceConnectorPlugin;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A real Camunda engine for one scenario, configured like the examples app's (full history, UUID
 * ids, a Hikari pool, Connect and Spin, the Salesforce connector plugin and the bulk queue), with
 * the job executor running {@code threads} threads and a pool of {@code poolSize} connections. The
 * {@code default} connection is the emulated org, logged in with the password flow.
 */
public final class BenchEngine implements AutoCloseable {

  /** The bulk queue's flush timer period here and in the app (the app's default is 10 s). */
  public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(2);

  /** Wait between bulk job polls here and in the app. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  /** How long the acquisition thread sleeps when it found no job (it is woken by new jobs). */
  public static final int ACQUISITION_WAIT_MS = 100;

  /** The longest back-off of an idle acquisition thread. */
  public static final long ACQUISITION_MAX_WAIT_MS = 1000;

  private final ProcessEngine engine;
  private final HikariDataSource pool;
  private final BulkIngestPlugin bulk;

  private BenchEngine(ProcessEngine engine, HikariDataSource pool, BulkIngestPlugin bulk) {
    this.engine = engine;
    this.pool = pool;
    this.bulk = bulk;
  }

  /**
   * Builds and starts the engine.
   *
   * @param name a process engine name no other engine of this JVM has
   * @param database the scenario's database
   * @param threads job executor threads
   * @param poolSize database connections
   * @param loginUrl the emulated org's login URL
   * @param probe sees every process instance start and end
   * @param beans expression beans
   * @param microBatch the micro-batch collector's group size and delay
   * @param flushes hears the micro-batch collector's flushes
   */
  public static BenchEngine start(
      String name,
      BenchDatabase database,
      int threads,
      int poolSize,
      String loginUrl,
      RecordProbe probe,
      Map<String, Object> beans,
      MicroBatchSettings microBatch,
      MicroBatchListener flushes) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(database.url());
    hikari.setUsername(database.user());
    hikari.setPassword(database.password());
    hikari.setDriverClassName(database.driverClassName());
    hikari.setMaximumPoolSize(poolSize);
    HikariDataSource pool = new HikariDataSource(hikari);

    StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
    c.setProcessEngineName(name);
    c.setDataSource(pool);
    c.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
    c.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
    c.setIdGenerator(new StrongUuidGenerator());
    c.setJavaSerializationFormatEnabled(false);
    c.setEnableExceptionsAfterUnhandledBpmnError(true);
    c.setCustomHistoryEventHandlers(new ArrayList<>(List.of(probe)));
    c.setBeans(new HashMap<>(beans));
    c.setJobExecutor(jobExecutor(threads));
    c.setJobExecutorActivate(true);

    BulkIngestPlugin bulk = new BulkIngestPlugin();
    bulk.setFlushInterval(FLUSH_INTERVAL.toString());
    bulk.setPollInterval(POLL_INTERVAL.toString());
    bulk.setMicroBatchMaxRecords(microBatch.maxRecords());
    bulk.setMicroBatchMaxDelay(microBatch.maxDelay().toString());
    bulk.setMicroBatchListener(flushes);
    c.setProcessEnginePlugins(
        new ArrayList<>(
            List.of(
                new ConnectProcessEnginePlugin(),
                new SpinProcessEnginePlugin(),
                connection(loginUrl),
                bulk)));
    try {
      return new BenchEngine(c.buildProcessEngine(), pool, bulk);
    } catch (RuntimeException e) {
      bulk.unregister();
      pool.close();
      throw e;
    }
  }

  /** A process engine name for {@code purpose} that no other engine of this JVM has. */
  public static String uniqueName(String purpose) {
    return "sfa-bench-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The job executor of the scenario: {@code threads} threads, each acquisition fills them. */
  static DefaultJobExecutor jobExecutor(int threads) {
    DefaultJobExecutor jobs = new DefaultJobExecutor();
    jobs.setCorePoolSize(threads);
    jobs.setMaxPoolSize(threads);
    jobs.setQueueSize(threads);
    jobs.setMaxJobsPerAcquisition(threads);
    jobs.setWaitTimeInMillis(ACQUISITION_WAIT_MS);
    jobs.setMaxWait(ACQUISITION_MAX_WAIT_MS);
    return jobs;
  }

  private static SalesforceConnectorPlugin connection(String loginUrl) {
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    plugin.setLoginUrl(loginUrl);
    plugin.setAllowLocalInstance("true");
    plugin.setClientId(SalesforceEmulator.DEMO_CLIENT_ID);
    plugin.setClientSecret(SalesforceEmulator.DEMO_CLIENT_SECRET);
    plugin.setUsername(SalesforceEmulator.DEMO_USERNAME);
    plugin.setPassword(SalesforceEmulator.DEMO_PASSWORD);
    plugin.setSecurityToken(SalesforceEmulator.DEMO_SECURITY_TOKEN);
    plugin.setReadTimeout("PT30S");
    return plugin;
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** Deploys diagrams from the class path. */
  public void deploy(List<String> resources) {
    var deployment = engine.getRepositoryService().createDeployment().name("bench");
    resources.forEach(deployment::addClasspathResource);
    deployment.deploy();
  }

  /** Stops the job executor and the engine, and removes the connection and the bulk queue. */
  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      bulk.unregister();
      SalesforceConnections.global().remove(SalesforceConnections.DEFAULT_CONNECTION);
      pool.close();
    }
  }
}
