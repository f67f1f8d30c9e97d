package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.camunda.SalesforceConnections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * What the bulk queue and the bulk ingest steps of one process engine share: its settings, its queue store and the
 * connections. Kept per engine name because the steps are instantiated by the engine (class delegates) and the
 * queue is reached through the JVM-wide {@code BulkQueues}.
 */
public final class BulkIngestRuntime {

  private static final Map<String, BulkIngestRuntime> BY_ENGINE = new ConcurrentHashMap<>();

  private final BulkIngestSettings settings;
  private final BulkEntryStore store;
  private final SalesforceConnections connections;
  /** Per group: the row id at which this node last started an early run (see {@link JdbcBulkQueue}). */
  private final Map<String, Long> earlyStarts = new ConcurrentHashMap<>();

  /** A runtime over these parts. */
  public BulkIngestRuntime(BulkIngestSettings settings, BulkEntryStore store, SalesforceConnections connections) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.connections = Objects.requireNonNull(connections, "connections");
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

  Map<String, Long> earlyStarts() {
    return earlyStarts;
  }

  /** Makes this the runtime of the named engine. */
  public static void register(String engineName, BulkIngestRuntime runtime) {
    BY_ENGINE.put(engineName, Objects.requireNonNull(runtime, "runtime"));
  }

  /** Forgets the named engine's runtime if it is this one. */
  public static void unregister(String engineName, BulkIngestRuntime runtime) {
    BY_ENGINE.remove(engineName, runtime);
  }

  /** The runtime of the engine running the current command, if it has one. */
  public static Optional<BulkIngestRuntime> ofCurrentEngine() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    String name = configuration == null ? null : configuration.getProcessEngineName();
    return Optional.ofNullable(name == null ? null : BY_ENGINE.get(name));
  }

  /**
   * The runtime of the engine running the current command.
   *
   * @throws IllegalStateException when that engine has no {@code BulkIngestPlugin}
   */
  public static BulkIngestRuntime current() {
    return ofCurrentEngine().orElseThrow(() -> new IllegalStateException("This process engine runs the sfactions"
        + " bulk ingest process but has no io.github.sfactions.bpmn.bulk.BulkIngestPlugin configured"));
  }
}
