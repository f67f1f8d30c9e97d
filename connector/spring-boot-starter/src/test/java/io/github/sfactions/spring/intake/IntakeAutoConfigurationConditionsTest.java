package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.trigger.SegmentFunctions;
import io.github.sfactions.spring.SalesforceAutoConfiguration;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event intake is configured only when switched on, in a servlet application with Camunda's
 * starter and Spin; the application's own beans replace the intake's.
 */
class IntakeAutoConfigurationConditionsTest {

  private static ProcessEngine engine;

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SalesforceAutoConfiguration.class, SegmentIntakeAutoConfiguration.class))
          .withBean(ProcessEngine.class, () -> engine, b -> b.setDestroyMethodName(""))
          .withPropertyValues("sfactions.intake.enabled=true", "sfactions.intake.write-key=k");

  @BeforeAll
  static void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:intake-conditions;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("intake-conditions");
    configuration.setJobExecutorActivate(false);
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void anEnabledIntakeInAServletAppHasItsEndpointsAndEngineAdditions() {
    web.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .hasSingleBean(SegmentEventIntake.class)
                .hasSingleBean(EventReplay.class)
                .hasSingleBean(SegmentIntakeEnginePlugin.class)
                .hasBean(SegmentFunctions.BEAN_NAME)
                .hasBean("segmentIntakeServlet")
                .hasBean("segmentIntakeErrorFilter"));
  }

  @Test
  void theIntakeIsOffUnlessEnabled() {
    web.withPropertyValues("sfactions.intake.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(SegmentEventIntake.class)
                    .doesNotHaveBean("segmentIntakeServlet"));
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SegmentIntakeAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(SegmentEventIntake.class));
  }

  @Test
  void theIntakeNeedsAServletApplicationSpinAndTheServletApi() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SegmentIntakeAutoConfiguration.class))
        .withBean(ProcessEngine.class, () -> engine, b -> b.setDestroyMethodName(""))
        .withPropertyValues("sfactions.intake.enabled=true", "sfactions.intake.write-key=k")
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SegmentEventIntake.class));
    web.withClassLoader(new FilteredClassLoader("org.camunda.spin"))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SegmentEventIntake.class));
    web.withClassLoader(new FilteredClassLoader(HttpServlet.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SegmentEventIntake.class));
  }

  @Test
  void theApplicationsOwnBeansReplaceTheIntakes() {
    web.withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SegmentFunctions.BEAN_NAME))
                  .isInstanceOf(OwnFunctions.class);
              assertThat(context.getBean("segmentIntakeServlet", ServletRegistrationBean.class))
                  .isSameAs(context.getBean(OwnBeans.class).servlet);
              assertThat(context.getBean(SegmentEventIntake.class))
                  .isSameAs(context.getBean(OwnBeans.class).intake);
            });
  }

  /** The application's own {@code segment} helpers. */
  static class OwnFunctions extends SegmentFunctions {}

  /** An application that brings its own expression helpers, intake and endpoint. */
  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {

    final SegmentEventIntake intake =
        new SegmentEventIntake(engine, Duration.ofMinutes(1), IntakeMetrics.NONE);
    final ServletRegistrationBean<HttpServlet> servlet =
        new ServletRegistrationBean<>(new HttpServlet() {}, "/own/*");

    @Bean(SegmentFunctions.BEAN_NAME)
    SegmentFunctions segment() {
      return new OwnFunctions();
    }

    @Bean
    SegmentEventIntake ownIntake() {
      return intake;
    }

    @Bean
    ServletRegistrationBean<HttpServlet> segmentIntakeServlet() {
      return servlet;
    }
  }
}
