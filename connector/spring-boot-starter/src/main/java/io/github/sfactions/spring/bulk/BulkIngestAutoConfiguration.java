package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.BulkIngestExpressions;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Installs the durable bulk queue into a Spring Boot application's engine, so that the
 * auto-deployed bulk processes of this jar run without further setup.
 *
 * <p>Active when {@code sfactions-bpmn} (an optional dependency of this starter) and the Camunda
 * Spring Boot starter are on the class path. The plugin is a {@link
 * org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin} bean, which the Camunda starter adds to the
 * engine. Its settings are also published as the Spring bean {@value
 * BulkIngestVariables#SETTINGS_BEAN}: under Spring, the engine's expressions (the ingest process's
 * timers) resolve Spring beans, not the engine's own bean map. A user-defined plugin or settings
 * bean wins; {@code sfactions.bulk.enabled=false} switches the whole thing off.
 */
@AutoConfiguration(beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(
    value = BulkIngestPlugin.class,
    name = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnProperty(prefix = "sfactions.bulk", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BulkIngestProperties.class)
public class BulkIngestAutoConfiguration {

  /**
   * The plugin built from {@code sfactions.bulk.*}; its queue leaves the JVM-wide registry with the
   * context.
   */
  @Bean(destroyMethod = "unregister")
  @ConditionalOnMissingBean
  public BulkIngestPlugin bulkIngestPlugin(BulkIngestProperties properties) {
    return properties.toPlugin();
  }

  /**
   * The settings as the ingest process's expressions read them ({@code
   * ${sfactionsBulkIngest.flushCycle}}).
   */
  @Bean(BulkIngestVariables.SETTINGS_BEAN)
  @ConditionalOnMissingBean(name = BulkIngestVariables.SETTINGS_BEAN)
  public BulkIngestExpressions sfactionsBulkIngest(BulkIngestPlugin plugin) {
    return new BulkIngestExpressions(plugin.settings());
  }
}
