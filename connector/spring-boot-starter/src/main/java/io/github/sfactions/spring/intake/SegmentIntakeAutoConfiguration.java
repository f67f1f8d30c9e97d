package io.github.sfactions.spring.intake;

import io.github.sfactions.camunda.trigger.SegmentFunctions;
import io.github.sfactions.spring.InvalidSalesforcePropertiesException;
import io.github.sfactions.spring.SalesforceAutoConfiguration;
import io.github.sfactions.spring.intake.impl.IntakeErrorFilter;
import io.github.sfactions.spring.intake.impl.IntakeTomcatCustomizer;
import io.github.sfactions.spring.intake.impl.MicrometerIntakeMetrics;
import io.github.sfactions.spring.intake.impl.SegmentIntakeServlet;
import io.github.sfactions.spring.intake.impl.WriteKeyAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The Segment-compatible event intake ({@code sfactions.intake.enabled=true}): HTTP endpoints under
 * {@code sfactions.intake.path} (default {@code /v1}), the trigger check and JSON expressions in
 * the engine, and the {@code segment} expression bean. Needs a servlet web application, the Camunda
 * Spring Boot starter and the Camunda Spin plugin with its Jackson JSON data format.
 */
@AutoConfiguration(
    after = SalesforceAutoConfiguration.class,
    beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnIntakeEnabled
@ConditionalOnClass(
    name = {
      "org.camunda.spin.plugin.variable.SpinValues",
      "org.camunda.spin.impl.json.jackson.JacksonJsonNode"
    })
@EnableConfigurationProperties(SegmentIntakeProperties.class)
public class SegmentIntakeAutoConfiguration {

  /** Trigger check at deployment and JSON property access in expressions. */
  @Bean
  @ConditionalOnMissingBean
  public SegmentIntakeEnginePlugin segmentIntakeEnginePlugin(
      ApplicationContext applicationContext) {
    return new SegmentIntakeEnginePlugin(applicationContext);
  }

  /** The {@code segment} helpers for input mappings. */
  @Bean(SegmentFunctions.BEAN_NAME)
  @ConditionalOnMissingBean(name = SegmentFunctions.BEAN_NAME)
  public SegmentFunctions segment() {
    return new SegmentFunctions();
  }

  /** Starts processes from events. */
  @Bean
  @ConditionalOnMissingBean
  public SegmentEventIntake segmentEventIntake(
      ProcessEngine engine,
      SegmentIntakeProperties properties,
      ObjectProvider<IntakeMetrics> metrics) {
    return new SegmentEventIntake(
        engine, properties.getDedupeWindow(), metrics.getIfAvailable(() -> IntakeMetrics.NONE));
  }

  /** Replays JSON-lines files. */
  @Bean
  @ConditionalOnMissingBean
  public EventReplay segmentEventReplay(
      SegmentEventIntake intake,
      SegmentIntakeProperties properties,
      ObjectProvider<IntakeMetrics> metrics) {
    return new EventReplay(
        intake,
        properties.getReplayBatchSize(),
        properties.getMaxEventSize().toBytes(),
        metrics.getIfAvailable(() -> IntakeMetrics.NONE));
  }

  /** The HTTP endpoints. */
  @Bean
  @ConditionalOnMissingBean(name = "segmentIntakeServlet")
  public ServletRegistrationBean<SegmentIntakeServlet> segmentIntakeServlet(
      SegmentIntakeProperties properties,
      SegmentEventIntake intake,
      EventReplay replay,
      ObjectProvider<IntakeMetrics> metrics) {
    validate(properties);
    SegmentIntakeServlet servlet =
        new SegmentIntakeServlet(
            intake,
            replay,
            new WriteKeyAuthenticator(properties.getWriteKey()),
            metrics.getIfAvailable(() -> IntakeMetrics.NONE),
            properties.getMaxEventSize().toBytes(),
            properties.getMaxBatchSize().toBytes());
    ServletRegistrationBean<SegmentIntakeServlet> registration =
        new ServletRegistrationBean<>(servlet, trimmedPath(properties) + "/*");
    registration.setName("segmentIntake");
    return registration;
  }

  static void validate(SegmentIntakeProperties properties) {
    List<String> problems = properties.problems();
    if (!problems.isEmpty()) {
      throw new InvalidSalesforcePropertiesException(problems);
    }
  }

  /**
   * The intake's JSON answer also where the container sends an intake request to its error page.
   */
  @Bean
  @ConditionalOnMissingBean(name = "segmentIntakeErrorFilter")
  public FilterRegistrationBean<IntakeErrorFilter> segmentIntakeErrorFilter(
      SegmentIntakeProperties properties) {
    FilterRegistrationBean<IntakeErrorFilter> registration =
        new FilterRegistrationBean<>(new IntakeErrorFilter(trimmedPath(properties) + "/"));
    registration.setName("segmentIntakeErrors");
    registration.setDispatcherTypes(DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * JSON error bodies for intake requests that embedded Tomcat refuses itself (e.g. an oversized
   * header).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.apache.catalina.valves.ErrorReportValve",
        "org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory"
      })
  static class TomcatErrorConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "segmentIntakeTomcatCustomizer")
    IntakeTomcatCustomizer segmentIntakeTomcatCustomizer(SegmentIntakeProperties properties) {
      return new IntakeTomcatCustomizer(trimmedPath(properties) + "/");
    }
  }

  /** The path prefix without a trailing slash (e.g. {@code /v1}). */
  static String trimmedPath(SegmentIntakeProperties properties) {
    return properties.getPath().endsWith("/")
        ? properties.getPath().substring(0, properties.getPath().length() - 1)
        : properties.getPath();
  }

  /** Micrometer counts when Micrometer is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IntakeMetrics segmentIntakeMetrics(ObjectProvider<MeterRegistry> registry) {
      MeterRegistry r = registry.getIfAvailable();
      return r == null ? IntakeMetrics.NONE : new MicrometerIntakeMetrics(r);
    }
  }
}
