package io.github.sfactions.camunda;

import io.github.sfactions.action.RecordGuard;
import io.github.sfactions.camunda.impl.ConnectorLogger;
import io.github.sfactions.camunda.impl.EngineRecordGuard;
import io.github.sfactions.camunda.impl.RecordLockSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Keeps concurrent actions on one Salesforce record apart, through the engine's own database, so
 * that it holds across every engine node of a cluster: a connector that looks a record up by its
 * matchers ({@code salesforce-lead} ... with {@code update}, {@code upsert} or {@code delete}, and
 * {@code salesforce-find-records}) first takes the record's turn, a row lock in {@value
 * RecordLockSchema#LOCK_TABLE} held by its job's transaction until the job commits. So a second job
 * for the same matcher values waits, then finds the record the first one created and updates it:
 * twenty events for one new e-mail make one Lead, not several and no {@code 300}.
 *
 * <p>And the writes keep the events' arrival order ({@link ArrivalOrder}): for each record the
 * arrival number of the last event that wrote each field is kept (in {@value
 * RecordLockSchema#FIELD_TABLE}, for {@code retention}); an event that arrived earlier than the one
 * that wrote a field leaves that field alone, so the record ends as if the events had been written
 * one by one in arrival order.
 *
 * <p>{@link SalesforceConnectorPlugin} and the Spring Boot starter install it by default; {@link
 * #install} does it for an engine configured in code.
 */
public final class RecordLocks {

  /** How long the arrival order of a record's written fields is kept by default. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

  private static final Map<ProcessEngineConfigurationImpl, Duration> INSTALLED =
      new WeakHashMap<>();

  private RecordLocks() {}

  /**
   * Creates the lock tables if missing (idempotent, safe when several nodes start at once) and puts
   * record locks in force for this engine. Call it from a plugin's {@code postInit}.
   *
   * @param retention how long the arrival order of written fields is kept (positive)
   */
  public static void install(ProcessEngineConfigurationImpl configuration, Duration retention) {
    Objects.requireNonNull(configuration, "configuration");
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new SalesforceConfigurationException(
          "The record locks' retention must be a positive duration, got " + retention);
    }
    RecordLockSchema.create(configuration.getDataSource());
    synchronized (INSTALLED) {
      INSTALLED.put(configuration, retention);
    }
    ConnectorLogger.recordLocksInstalled(
        configuration.getProcessEngineName(), RecordLockSchema.BUCKETS, retention);
  }

  /** True when the engine of the running command has record locks in force. */
  public static boolean inForce() {
    return retentionOfCurrentEngine().isPresent();
  }

  /**
   * The guard for actions on this connection in the running engine command; {@link
   * RecordGuard#NONE} outside a command or in an engine without record locks.
   */
  public static RecordGuard guard(String connection) {
    return retentionOfCurrentEngine()
        .<RecordGuard>map(retention -> new EngineRecordGuard(connection, retention))
        .orElse(RecordGuard.NONE);
  }

  private static Optional<Duration> retentionOfCurrentEngine() {
    if (!EngineTransaction.active()) {
      return Optional.empty();
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    synchronized (INSTALLED) {
      return Optional.ofNullable(INSTALLED.get(configuration));
    }
  }
}
