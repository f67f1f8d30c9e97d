package io.github.sfactions.spring.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.spring.SalesforceAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * A start that fails on invalid {@code sfactions.*} settings is reported by the analyzer Spring
 * Boot loads from spring.factories: one line naming every problem of the environment (not only the
 * one that stopped the start), never a secret value, and how to set the properties.
 */
class InvalidSalesforcePropertiesFailureAnalyzerTest {

  private static final String SECRET = "not-to-be-shown-42";

  private static final String[] SETTINGS = {
    "sfactions.intake.enabled=true",
    "sfactions.connections.fa-one.login-url=https://acme.my.salesforce.com",
    "sfactions.connections.fa-one.auth.flow=client-credentials",
    "sfactions.connections.fa-one.auth.client-secret=" + SECRET,
    "sfactions.connections.fa-two.auth.flow=password",
    "sfactions.connections.fa-two.auth.client-id=app",
    "sfactions.connections.fa-two.auth.password=" + SECRET
  };

  @Test
  void theFailedStartIsReportedOnOneLineWithEverySettingProblemAndTheFix() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SalesforceAutoConfiguration.class))
        .withPropertyValues(SETTINGS)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis = analyze(context.getStartupFailure(), environment());

              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .doesNotContain("\n")
                  .doesNotContain(SECRET)
                  .startsWith("Invalid sfactions settings (4): ")
                  .contains(
                      "sfactions.connections.fa-one.auth.client-id is required for the client-credentials flow")
                  .contains(
                      "sfactions.connections.fa-two.auth.client-secret is required for the password flow")
                  .contains(
                      "sfactions.connections.fa-two.auth.username is required for the password flow")
                  // not checked by this start (no intake auto-configuration here), reported all the
                  // same
                  .contains(
                      "sfactions.intake.write-key is required when sfactions.intake.enabled=true");
              assertThat(analysis.getAction())
                  .contains("environment variable")
                  .contains("SFACTIONS_CONNECTIONS_DEFAULT_AUTH_CLIENTID")
                  .contains("--name=value");
            });
  }

  @Test
  void withoutAnEnvironmentTheExceptionsOwnProblemsAreReported() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SalesforceAutoConfiguration.class))
        .withPropertyValues("sfactions.connections.fa-three.auth.flow=refresh-token")
        .run(
            context ->
                assertThat(analyze(context.getStartupFailure(), null).getDescription())
                    .isEqualTo(
                        "Invalid sfactions settings (2): sfactions.connections.fa-three.auth.client-id is required for the "
                            + "refresh-token flow; sfactions.connections.fa-three.auth.refresh-token is required for the "
                            + "refresh-token flow"));
  }

  /** As Spring Boot does it: every analyzer of spring.factories, the first analysis wins. */
  private static FailureAnalysis analyze(Throwable failure, Environment environment) {
    List<FailureAnalyzer> analyzers =
        new ArrayList<>(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                    FailureAnalyzer.class,
                    ArgumentResolver.of(Environment.class, environment)
                        .and(BeanFactory.class, new DefaultListableBeanFactory()),
                    // as Spring Boot: analyzers for classes absent here (web, JDBC, ...) are
                    // skipped
                    FailureHandler.logging(
                        LogFactory.getLog(InvalidSalesforcePropertiesFailureAnalyzerTest.class))));
    AnnotationAwareOrderComparator.sort(analyzers);
    assertThat(analyzers)
        .hasAtLeastOneElementOfType(InvalidSalesforcePropertiesFailureAnalyzer.class);
    return analyzers.stream()
        .map(analyzer -> analyzer.analyze(failure))
        .filter(a -> a != null)
        .findFirst()
        .orElse(null);
  }

  private static Environment environment() {
    StandardEnvironment environment = new StandardEnvironment();
    TestPropertyValues.of(SETTINGS).applyTo(environment);
    return environment;
  }
}
