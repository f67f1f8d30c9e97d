package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.BulkIngestExpressions;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.bpmn.bulk.MicroBatchListener;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the durable bulk queue into a Spring Boot application's engine, so that the
 * auto-deployed bulk processes of this jar run without further setup.
 *
 * <p>Active when {@code sfactions-bpmn} (an optional dependency of this starter) and the Camunda
 * Spring Boot starter are on the class path. The plugin is a {@link
 * org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin} bean, which the Camunda starter adds to the
 * engine. Its settings are also published as the Spring beans {@value
 * BulkIngestVariables#SETTINGS_BEAN} and {@value MicroBatchVariables#SETTINGS_BEAN}: under Spring,
 * the engine's expressions (the ingest process's and the micro-batch sweep's timers) resolve Spring
 * beans, not the engine's own bean map. Every {@link MicroBatchListener} bean hears the micro-batch
 * flushes; with Micrometer on the class path that is {@link MicroBatchMetrics} (off with {@code
 * sfactions.metrics.enabled=false}). A user-defined plugin or settings bean wins; {@code
 * sfactions.bulk.enabled=false} switches the whole thing off.
 */
@AutoConfiguration(beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(
    value = BulkIngestPlugin.class,
    name = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnProperty(prefix = "sfactions.bulk", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BulkIngestProperties.class)
public class BulkIngestAutoConfiguration {

  /**
   * The plugin built from {@code sfactions.bulk.*}, telling the micro-batch listeners of the
   * context about each flush; its queue leaves the JVM-wide registry with the context.
   *
   * @throws io.github.sfactions.spring.InvalidSalesforcePropertiesException naming each wrong value
   */
  @Bean(destroyMethod = "unregister")
  @ConditionalOnMissingBean
  public BulkIngestPlugin bulkIngestPlugin(
      BulkIngestProperties properties, ObjectProvider<MicroBatchListener> listeners) {
    BulkIngestPlugin plugin = properties.toPlugin();
    List<MicroBatchListener> all = listeners.orderedStream().toList();
    if (all.size() == 1) {
      plugin.setMicroBatchListener(all.get(0));
    } else if (all.size() > 1) {
      plugin.setMicroBatchListener(
          (connection, sobject, records, apiCalls, oldestWaitMillis) ->
              all.forEach(
                  l -> l.flushed(connection, sobject, records, apiCalls, oldestWaitMillis)));
    }
    return plugin;
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

  /**
   * The micro-batch settings as the collector's sweep timer reads them ({@code
   * ${sfactionsMicroBatch.sweepCycle}}).
   */
  @Bean(MicroBatchVariables.SETTINGS_BEAN)
  @ConditionalOnMissingBean(name = MicroBatchVariables.SETTINGS_BEAN)
  public MicroBatchSettings sfactionsMicroBatch(BulkIngestPlugin plugin) {
    return plugin.microBatchSettings();
  }

  /** Micrometer metrics of the micro-batch collector, when Micrometer is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnProperty(prefix = "sfactions.metrics", name = "enabled", matchIfMissing = true)
  static class MicroBatchMetricsConfiguration {

    /**
     * The listener and meter binder; its gauges ask the plugin (looked up when read, as the plugin
     * is created after this bean) for the queue's depth.
     */
    @Bean
    @ConditionalOnMissingBean
    MicroBatchMetrics microBatchMetrics(ObjectProvider<BulkIngestPlugin> plugin) {
      return new MicroBatchMetrics(() -> plugin.getObject().microBatchDepth());
    }
  }
}
