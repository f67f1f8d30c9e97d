package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.bpmn.bulk.impl.BulkEntryStore;
import io.github.sfactions.bpmn.bulk.impl.BulkIngestRuntime;
import io.github.sfactions.bpmn.bulk.impl.BulkQueueSchema;
import io.github.sfactions.bpmn.bulk.impl.JdbcBulkQueue;
import io.github.sfactions.bpmn.bulk.impl.MicroBatchTrigger;
import io.github.sfactions.bpmn.bulk.impl.OutcomeAwaitParseListener;
import io.github.sfactions.bpmn.bulk.impl.SizeTrigger;
import io.github.sfactions.bpmn.bulk.impl.SqlDialect;
import io.github.sfactions.camunda.BulkQueues;
import io.github.sfactions.camunda.SalesforceConnections;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * Installs the durable queue of batched deliveries and the settings of its collectors into a
 * process engine: creates the queue tables (H2 or PostgreSQL, idempotently) through the engine's
 * data source, registers the queue with {@link BulkQueues} so that action connectors with {@code
 * useBulkApi=true}, {@code delivery=bulk} or {@code delivery=microBatch} store their records in it,
 * and exposes the settings to the {@value BulkIngestVariables#PROCESS_KEY} and {@value
 * MicroBatchVariables#PROCESS_KEY} processes. Activities that await a bulk outcome continue
 * asynchronously after it (see {@link OutcomeAwaitParseListener}).
 *
 * <pre>{@code
 * <plugin>
 *   <class>io.github.sfactions.bpmn.bulk.BulkIngestPlugin</class>
 *   <properties>
 *     <property name="batchSize">5000</property>
 *     <property name="maxCsvBytes">104857600</property>
 *     <property name="flushInterval">PT30S</property>
 *     <property name="pollInterval">PT10S</property>
 *     <property name="maxWait">PT1H</property>
 *     <property name="microBatchMaxRecords">200</property>
 *     <property name="microBatchMaxDelay">PT1S</property>
 *   </properties>
 * </plugin>
 * }</pre>
 *
 * Durations are ISO-8601 ({@code PT30S}) or whole seconds. Invalid values fail the engine start
 * with a message naming the property.
 */
public class BulkIngestPlugin implements ProcessEnginePlugin {

  private final BulkIngestSettings.Builder builder = BulkIngestSettings.builder();
  private final MicroBatchSettings.Builder microBuilder = MicroBatchSettings.builder();
  private MicroBatchListener microBatchListener = MicroBatchListener.NONE;
  private MicroBatchSettings microSettings;
  private SalesforceConnections connections = SalesforceConnections.global();
  private BulkIngestSettings settings;
  private JdbcBulkQueue queue;
  private String engineName;
  private BulkIngestRuntime runtime;

  /** Most records per Bulk API job (default 5000). */
  public void setBatchSize(int records) {
    builder.batchSize(records);
  }

  /** Most bytes of CSV per upload (default 104857600 = 100 MB). */
  public void setMaxCsvBytes(long bytes) {
    builder.maxCsvBytes(bytes);
  }

  /** Period of the flush timer (default PT30S). */
  public void setFlushInterval(String duration) {
    builder.flushInterval(duration("flushInterval", duration));
  }

  /**
   * Longest wait of a record for its batch to fill while records keep arriving (default four flush
   * intervals).
   */
  public void setMaxBatchWait(String duration) {
    builder.maxBatchWait(duration("maxBatchWait", duration));
  }

  /** Wait between job state polls (default PT10S). */
  public void setPollInterval(String duration) {
    builder.pollInterval(duration("pollInterval", duration));
  }

  /** Wait before the first poll of a closed job (default PT1S, at most pollInterval). */
  public void setFirstPollInterval(String duration) {
    builder.firstPollInterval(duration("firstPollInterval", duration));
  }

  /** Longest wait for a closed job before it is aborted and its records fail (default PT1H). */
  public void setMaxWait(String duration) {
    builder.maxWait(duration("maxWait", duration));
  }

  /** Age after which an abandoned claim is released (default PT3H; must exceed maxWait). */
  public void setClaimTimeout(String duration) {
    builder.claimTimeout(duration("claimTimeout", duration));
  }

  /** Outcomes delivered per transaction (default 500). */
  public void setReportChunkSize(int outcomes) {
    builder.reportChunkSize(outcomes);
  }

  /** Jobs tried per batch when uploads fail (default 3). */
  public void setMaxUploadAttempts(int attempts) {
    builder.maxUploadAttempts(attempts);
  }

  /** Micro-batch: most records per flush, 1 to 200 (default 200). */
  public void setMicroBatchMaxRecords(int records) {
    microBuilder.maxRecords(records);
  }

  /** Micro-batch: longest wait of a record for its group to fill (default PT1S). */
  public void setMicroBatchMaxDelay(String duration) {
    microBuilder.maxDelay(duration("microBatchMaxDelay", duration));
  }

  /** Micro-batch: period of the sweep that sends records a stopped node left (default PT30S). */
  public void setMicroBatchSweepInterval(String duration) {
    microBuilder.sweepInterval(duration("microBatchSweepInterval", duration));
  }

  /** Micro-batch: hears every flush (metrics). */
  public void setMicroBatchListener(MicroBatchListener listener) {
    this.microBatchListener = Objects.requireNonNull(listener, "listener");
  }

  /** The micro-batch settings in force (after the engine's {@code preInit}). */
  public MicroBatchSettings microBatchSettings() {
    return microSettings == null ? microBuilder.build() : microSettings;
  }

  /**
   * Micro-batch records waiting to be sent and the age of the oldest (metrics); zero before the
   * engine started.
   */
  public MicroBatchDepth microBatchDepth() {
    return runtime == null ? MicroBatchDepth.EMPTY : runtime.microBatchDepth();
  }

  /** Uses another connection registry than the global one. */
  public void setConnections(SalesforceConnections connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /** The settings in force (after the engine's {@code preInit}). */
  public BulkIngestSettings settings() {
    return settings == null ? builder.build() : settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    settings = builder.build();
    microSettings = microBuilder.build();
    Map<Object, Object> beans = configuration.getBeans();
    if (beans == null) {
      beans = new HashMap<>();
      configuration.setBeans(beans);
    }
    beans.put(BulkIngestVariables.SETTINGS_BEAN, new BulkIngestExpressions(settings));
    beans.put(MicroBatchVariables.SETTINGS_BEAN, microSettings);
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new OutcomeAwaitParseListener());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    SqlDialect dialect = SqlDialect.forDatabaseType(configuration.getDatabaseType());
    BulkQueueSchema.create(configuration.getDataSource(), dialect);
    BulkEntryStore store = new BulkEntryStore(configuration.getDataSource(), dialect);
    engineName = configuration.getProcessEngineName();
    SizeTrigger sizeTrigger =
        new SizeTrigger(settings.batchSize(), configuration.getDataSource(), store);
    runtime =
        new BulkIngestRuntime(
            settings,
            store,
            connections,
            sizeTrigger,
            new BulkIngestRuntime.MicroBatch(
                microSettings,
                new MicroBatchTrigger(microSettings),
                microBatchListener,
                configuration.getDataSource()));
    BulkIngestRuntime.register(engineName, runtime);
    queue = new JdbcBulkQueue(runtime, configuration.getDataSource());
    BulkQueues.register(queue);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // full batches start runs from now on; the process definitions come with the deployment
    runtime.sizeTrigger().start(processEngine.getRuntimeService());
    runtime.microBatch().trigger().start(processEngine.getRuntimeService());
  }

  /**
   * Removes this engine's queue and settings from the JVM-wide registries (call when the engine
   * closes, e.g. in tests that start several engines).
   */
  public void unregister() {
    if (queue != null) {
      BulkQueues.unregister(queue);
    }
    if (runtime != null) {
      runtime.sizeTrigger().stop();
      runtime.microBatch().trigger().stop();
      BulkIngestRuntime.unregister(engineName, runtime);
    }
  }

  private static Duration duration(String property, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("sfactions bulk ingest: " + property + " is empty");
    }
    String value = text.trim();
    try {
      return value.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(value))
          : Duration.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "sfactions bulk ingest: "
              + property
              + " '"
              + value
              + "' is not a duration (use ISO-8601 such as PT30S, or seconds)",
          e);
    }
  }
}
