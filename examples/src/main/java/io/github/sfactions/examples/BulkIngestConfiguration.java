package io.github.sfactions.examples;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable bulk queue and the bulk ingest process of the {@code bpmn} module: records that tasks queue with
 * {@code useBulkApi=true} wait in the engine's database until the ingest process sends them in a Bulk API 2.0
 * job and reports each one's outcome to its waiting instance (the back-fill example uses it).
 */
@Configuration(proxyBeanMethods = false)
public class BulkIngestConfiguration {

  /** The plugin, with the demo's short intervals from {@code examples.bulk.*}. */
  @Bean
  public BulkIngestPlugin bulkIngestPlugin(ExamplesProperties properties) {
    ExamplesProperties.Bulk bulk = properties.getBulk();
    BulkIngestPlugin plugin = new BulkIngestPlugin();
    plugin.setBatchSize(bulk.getBatchSize());
    plugin.setFlushInterval(bulk.getFlushInterval().toString());
    plugin.setPollInterval(bulk.getPollInterval().toString());
    return plugin;
  }
}
