package io.github.sfactions.camunda;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * Puts {@link RecordLocks} in force for an engine. {@link SalesforceConnectorPlugin} does the same
 * by default, so a shared engine needs this plugin only to use record locks without that one; the
 * Spring Boot starter registers it unless {@code sfactions.record-locks.enabled=false}.
 *
 * <pre>{@code
 * <plugin>
 *   <class>io.github.sfactions.camunda.RecordLocksPlugin</class>
 *   <properties><property name="retention">P1D</property></properties>
 * </plugin>
 * }</pre>
 */
public class RecordLocksPlugin implements ProcessEnginePlugin {

  private Duration retention = RecordLocks.DEFAULT_RETENTION;

  /**
   * How long the arrival order of a record's written fields is kept (ISO-8601, e.g. {@code P1D}).
   */
  public void setRetention(String retention) {
    this.retention = parse(retention);
  }

  /** How long the arrival order of a record's written fields is kept. */
  public void setRetentionDuration(Duration retention) {
    this.retention = retention;
  }

  static Duration parse(String text) {
    try {
      return Duration.parse(text.trim());
    } catch (RuntimeException e) {
      throw new SalesforceConfigurationException(
          "The record locks' retention is an ISO-8601 duration such as P1D or PT12H, got '"
              + text
              + "'");
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the tables are created once the engine's data source is set up
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    RecordLocks.install(configuration, retention);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing to do once the engine is built
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
