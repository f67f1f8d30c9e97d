package io.github.sfactions.spring.intake;

import io.github.sfactions.bpmn.bulk.BulkBackfill;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.spring.SalesforceAutoConfiguration;
import io.github.sfactions.spring.intake.impl.BackfillServlet;
import io.github.sfactions.spring.intake.impl.WriteKeyAuthenticator;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The back-fill endpoints of the intake ({@code POST {path}/backfill}, {@code GET
 * {path}/backfill/{id}}, see {@link BackfillServlet}): JSON lines straight into the durable bulk
 * queue, without a process instance per record. Active with the intake ({@code
 * sfactions.intake.enabled=true}; same path, write key and line size limit as its events) in a
 * servlet web application whose engine has the bulk queue ({@code sfactions-bpmn} on the class path
 * and its {@code BulkIngestPlugin} bean, i.e. {@code sfactions.bulk.enabled} not false). Without
 * the bulk queue the endpoints do not exist.
 */
// the bulk auto-configuration by name: it refers to sfactions-bpmn, which may be absent
@AutoConfiguration(
    after = {SalesforceAutoConfiguration.class, SegmentIntakeAutoConfiguration.class},
    afterName = "io.github.sfactions.spring.bulk.BulkIngestAutoConfiguration")
@ConditionalOnIntakeEnabled
@ConditionalOnClass(name = "io.github.sfactions.bpmn.bulk.BulkBackfill")
@ConditionalOnBean(type = "io.github.sfactions.bpmn.bulk.BulkIngestPlugin")
@EnableConfigurationProperties(SegmentIntakeProperties.class)
public class BackfillIntakeAutoConfiguration {

  /** The engine's back-fills (also for the application's own use). */
  @Bean
  @ConditionalOnMissingBean
  public BulkBackfill sfactionsBulkBackfill(ProcessEngine engine) {
    return BulkBackfill.of(engine);
  }

  /**
   * The endpoints, mapped below the intake's path; the longer mapping wins over the intake's {@code
   * {path}/*}.
   */
  @Bean
  @ConditionalOnMissingBean(name = "sfactionsBackfillServlet")
  public ServletRegistrationBean<BackfillServlet> sfactionsBackfillServlet(
      SegmentIntakeProperties properties,
      BulkBackfill backfill,
      SalesforceConnections connections) {
    SegmentIntakeAutoConfiguration.validate(properties);
    BackfillServlet servlet =
        new BackfillServlet(
            backfill,
            new WriteKeyAuthenticator(properties.getWriteKey()),
            connections,
            properties.getMaxEventSize().toBytes());
    ServletRegistrationBean<BackfillServlet> registration =
        new ServletRegistrationBean<>(
            servlet, SegmentIntakeAutoConfiguration.trimmedPath(properties) + "/backfill/*");
    registration.setName("sfactionsBackfill");
    return registration;
  }
}
