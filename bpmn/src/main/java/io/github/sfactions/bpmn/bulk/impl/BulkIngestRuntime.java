package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.bpmn.bulk.MicroBatchDepth;
import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.camunda.SalesforceConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * What the bulk queue and the bulk ingest steps of one process engine share: its settings, its
 * queue store and the connections. Kept per engine name because the steps are instantiated by the
 * engine (class delegates) and the queue is reached through the JVM-wide {@code BulkQueues}.
 */
public final class BulkIngestRuntime {

  // a stack per engine name: two engines of one name in one JVM (e.g. two Spring contexts) must not
  // lose the
  // older one's runtime when the newer one stops
  private static final Map<String, Deque<BulkIngestRuntime>> BY_ENGINE = new ConcurrentHashMap<>();

  private final BulkIngestSettings settings;
  private final BulkEntryStore store;
  private final SalesforceConnections connections;
  private final SizeTrigger sizeTrigger;
  private final MicroBatch microBatch;

  /** The micro-batch parts of a runtime: settings, trigger and the listener of flushes. */
  public record MicroBatch(
      MicroBatchSettings settings,
      MicroBatchTrigger trigger,
      MicroBatchListener listener,
      DataSource dataSource) {

    public MicroBatch {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(dataSource, "dataSource");
    }
  }

  /** What waits for micro-batch delivery, read on a connection of its own. */
  public MicroBatchDepth microBatchDepth() {
    try (Connection c = microBatch.dataSource().getConnection()) {
      MicroBatchStore.Depth depth = new MicroBatchStore().depth(c);
      Duration age =
          depth.oldest() == null
              ? Duration.ZERO
              : Duration.ofMillis(
                  Math.max(0, ClockUtil.getCurrentTime().getTime() - depth.oldest().getTime()));
      return new MicroBatchDepth(depth.records(), age);
    } catch (SQLException e) {
      throw BulkEntryStore.failure("count the micro-batch queue", e);
    }
  }

  /** A runtime over these parts. */
  public BulkIngestRuntime(
      BulkIngestSettings settings,
      BulkEntryStore store,
      SalesforceConnections connections,
      SizeTrigger sizeTrigger,
      MicroBatch microBatch) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.sizeTrigger = Objects.requireNonNull(sizeTrigger, "sizeTrigger");
    this.microBatch = Objects.requireNonNull(microBatch, "microBatch");
  }

  /** The micro-batch collector's parts. */
  public MicroBatch microBatch() {
    return microBatch;
  }

  public BulkIngestSettings settings() {
    return settings;
  }

  public BulkEntryStore store() {
    return store;
  }

  public SalesforceConnections connections() {
    return connections;
  }

  /** Starts a run when a group fills a batch. */
  public SizeTrigger sizeTrigger() {
    return sizeTrigger;
  }

  /** When a group's records should go without an explicit flush. */
  BatchReadiness readiness() {
    return new BatchReadiness(store, settings);
  }

  /** Makes this the runtime of the named engine. */
  public static void register(String engineName, BulkIngestRuntime runtime) {
    Objects.requireNonNull(runtime, "runtime");
    BY_ENGINE.compute(
        engineName,
        (name, stack) -> {
          Deque<BulkIngestRuntime> runtimes = stack == null ? new ConcurrentLinkedDeque<>() : stack;
          runtimes.remove(runtime);
          runtimes.push(runtime);
          return runtimes;
        });
  }

  /** Forgets this runtime of the named engine; an older one of the same name is in force again. */
  public static void unregister(String engineName, BulkIngestRuntime runtime) {
    BY_ENGINE.computeIfPresent(
        engineName,
        (name, runtimes) -> {
          runtimes.remove(runtime);
          return runtimes.isEmpty() ? null : runtimes;
        });
  }

  /** The runtime of the named engine, if it has one. */
  public static Optional<BulkIngestRuntime> ofEngine(String engineName) {
    Deque<BulkIngestRuntime> runtimes = engineName == null ? null : BY_ENGINE.get(engineName);
    return Optional.ofNullable(runtimes == null ? null : runtimes.peek());
  }

  /** The runtime of the engine running the current command, if it has one. */
  public static Optional<BulkIngestRuntime> ofCurrentEngine() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String name = configuration == null ? null : configuration.getProcessEngineName();
    Deque<BulkIngestRuntime> runtimes = name == null ? null : BY_ENGINE.get(name);
    return Optional.ofNullable(runtimes == null ? null : runtimes.peek());
  }

  /**
   * The runtime of the engine running the current command.
   *
   * @throws IllegalStateException when that engine has no {@code BulkIngestPlugin}
   */
  public static BulkIngestRuntime current() {
    return ofCurrentEngine()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "This process engine runs the sfactions"
                        + " bulk ingest process but has no io.github.sfactions.bpmn.bulk.BulkIngestPlugin configured"));
  }
}
