package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binding and validation of {@code sfactions.*} without an engine. Connection names are unique to
 * this class so that a Spring test context cached by another class keeps its own {@code default}
 * connection.
 */
class SalesforcePropertiesTest {

  private static final String SECRET = "very-secret-value-123";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SalesforceAutoConfiguration.class));

  private final SalesforceConnections registry = SalesforceConnections.global();

  @Test
  void severalOrgsBindIntoTheRegistryWithTheirFlowsAndSettings(@TempDir Path dir)
      throws IOException {
    Path keyFile = Files.writeString(dir.resolve("eu.pem"), TestKeys.privateKeyPem());
    runner
        .withPropertyValues(
            "sfactions.connections.props-us.login-url=https://acme.my.salesforce.com/",
            "sfactions.connections.props-us.auth.flow=client-credentials",
            "sfactions.connections.props-us.auth.client-id=us-app",
            "sfactions.connections.props-us.auth.client-secret=" + SECRET,
            "sfactions.connections.props-us.connect-timeout=3s",
            "sfactions.connections.props-us.read-timeout=PT45S",
            "sfactions.connections.props-us.proxy.host=proxy.acme.internal",
            "sfactions.connections.props-us.proxy.port=3128",
            "sfactions.connections.props-eu.sandbox=true",
            "sfactions.connections.props-eu.api-version=61.0",
            "sfactions.connections.props-eu.auth.flow=jwt-bearer",
            "sfactions.connections.props-eu.auth.client-id=eu-app",
            "sfactions.connections.props-eu.auth.username=integration@acme.eu.uat",
            "sfactions.connections.props-eu.auth.private-key-path=" + keyFile,
            "sfactions.connections.props-apac.auth.flow=password",
            "sfactions.connections.props-apac.auth.client-id=apac-app",
            "sfactions.connections.props-apac.auth.client-secret=" + SECRET,
            "sfactions.connections.props-apac.auth.username=apac@acme.com",
            "sfactions.connections.props-apac.auth.password=" + SECRET,
            "sfactions.connections.props-apac.auth.security-token=TOKEN123",
            "sfactions.connections.props-latam.auth.flow=REFRESH_TOKEN",
            "sfactions.connections.props-latam.auth.client-id=latam-app",
            "sfactions.connections.props-latam.auth.refresh-token=" + SECRET,
            "sfactions.connections.props-mea.auth.flow=jwt_bearer",
            "sfactions.connections.props-mea.auth.client-id=mea-app",
            "sfactions.connections.props-mea.auth.username=mea@acme.com",
            "sfactions.connections.props-mea.auth.private-key=" + TestKeys.privateKeyPem(),
            "sfactions.connections.props-mea.auth.audience=https://acme.my.site.com")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SalesforceConnectionRegistrar.class).registeredNames())
                  .containsExactly(
                      "props-us", "props-eu", "props-apac", "props-latam", "props-mea");

              ConnectionSettings us = registry.settings("props-us").orElseThrow();
              assertThat(us.loginUrl()).isEqualTo("https://acme.my.salesforce.com");
              assertThat(us.auth()).isEqualTo(new ClientCredentialsFlow("us-app", SECRET));
              assertThat(us.apiVersion()).isEqualTo("v62.0");
              assertThat(us.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(us.readTimeout()).isEqualTo(Duration.ofSeconds(45));
              assertThat(us.proxy())
                  .hasValue(
                      new Proxy(
                          Proxy.Type.HTTP,
                          InetSocketAddress.createUnresolved("proxy.acme.internal", 3128)));
              assertThat(us.allowLocalInstance()).isFalse();

              ConnectionSettings eu = registry.settings("props-eu").orElseThrow();
              assertThat(eu.loginUrl()).isEqualTo(ConnectionSettings.SANDBOX_LOGIN_URL);
              assertThat(eu.apiVersion()).isEqualTo("v61.0");
              JwtBearerFlow euFlow = (JwtBearerFlow) eu.auth();
              assertThat(euFlow.username()).isEqualTo("integration@acme.eu.uat");
              assertThat(euFlow.privateKey().getEncoded())
                  .isEqualTo(TestKeys.pair().getPrivate().getEncoded());
              assertThat(euFlow.audience()).isNull();

              ConnectionSettings apac = registry.settings("props-apac").orElseThrow();
              assertThat(apac.loginUrl()).isEqualTo(ConnectionSettings.PRODUCTION_LOGIN_URL);
              assertThat(apac.auth())
                  .isEqualTo(
                      new PasswordFlow("apac-app", SECRET, "apac@acme.com", SECRET, "TOKEN123"));
              assertThat(registry.settings("props-latam").orElseThrow().auth())
                  .isEqualTo(new RefreshTokenFlow("latam-app", null, SECRET));
              assertThat(
                      ((JwtBearerFlow) registry.settings("props-mea").orElseThrow().auth())
                          .audience())
                  .isEqualTo("https://acme.my.site.com");
            });
    assertThat(registry.names())
        .doesNotContain("props-us", "props-eu", "props-apac", "props-latam", "props-mea");
  }

  @Test
  void secretsCanComeFromEnvironmentVariables() {
    Map<String, Object> environment =
        Map.of(
            "SFACTIONS_CONNECTIONS_PROPSENV_LOGINURL", "https://acme.my.salesforce.com",
            "SFACTIONS_CONNECTIONS_PROPSENV_AUTH_FLOW", "client-credentials",
            "SFACTIONS_CONNECTIONS_PROPSENV_AUTH_CLIENTID", "env-app",
            "SF_SECRET", SECRET);
    runner
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            environment)))
        .withPropertyValues("sfactions.connections.propsenv.auth.client-secret=${SF_SECRET}")
        .run(
            context ->
                assertThat(registry.settings("propsenv").orElseThrow().auth())
                    .isEqualTo(new ClientCredentialsFlow("env-app", SECRET)));
  }

  @Test
  void theKeepAliveOfPooledConnectionsIsASettingWithADefaultBelowTheServersIdleTimeout() {
    String[] app = {
      "sfactions.connections.props-ka.login-url=https://acme.my.salesforce.com",
      "sfactions.connections.props-ka.auth.flow=client-credentials",
      "sfactions.connections.props-ka.auth.client-id=app",
      "sfactions.connections.props-ka.auth.client-secret=" + SECRET
    };
    runner
        .withPropertyValues(app)
        .run(
            context ->
                assertThat(registry.settings("props-ka").orElseThrow().keepAlive())
                    .isEqualTo(Duration.ofSeconds(20)));
    runner
        .withPropertyValues(app)
        .withPropertyValues("sfactions.connections.props-ka.keep-alive=5s")
        .run(
            context ->
                assertThat(registry.settings("props-ka").orElseThrow().keepAlive())
                    .isEqualTo(Duration.ofSeconds(5)));
    runner
        .withPropertyValues(app)
        .withPropertyValues("sfactions.connections.props-ka.keep-alive=0s")
        .run(
            context ->
                assertThat(
                        ((InvalidSalesforcePropertiesException)
                                rootCause(context.getStartupFailure()))
                            .problems())
                    .containsExactly(
                        "sfactions.connections.props-ka.keep-alive must be a positive duration such as PT30S, got PT0S"));
  }

  @Test
  void invalidConfigurationFailsTheStartNamingEveryPropertyButNoSecret() {
    runner
        .withPropertyValues(
            "sfactions.connections.props-bad.auth.flow=password",
            "sfactions.connections.props-bad.auth.client-id=app",
            "sfactions.connections.props-bad.auth.password=" + SECRET,
            "sfactions.connections.props-bad.auth.refresh-token=" + SECRET,
            "sfactions.connections.props-bad.api-version=latest",
            "sfactions.connections.props-bad.read-timeout=0s",
            "sfactions.connections.props-bad.proxy.port=3128",
            "sfactions.connections.props-cc.auth.flow=client-credentials",
            "sfactions.connections.props-cc.auth.client-id=app",
            "sfactions.connections.props-cc.auth.client-secret=" + SECRET,
            "sfactions.connections.props-jwt.auth.flow=jwt-bearer",
            "sfactions.connections.props-jwt.auth.client-id=app",
            "sfactions.connections.props-jwt.auth.username=u@acme.com",
            "sfactions.connections.props-jwt.auth.private-key=not a pem " + SECRET,
            "sfactions.connections.props-none.login-url=https://acme.my.salesforce.com")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = rootCause(context.getStartupFailure());
              assertThat(failure).isInstanceOf(InvalidSalesforcePropertiesException.class);
              assertThat(((InvalidSalesforcePropertiesException) failure).problems())
                  .containsExactly(
                      "sfactions.connections.props-bad.api-version must look like v62.0, got 'latest'",
                      "sfactions.connections.props-bad.read-timeout must be a positive duration such as PT30S, got PT0S",
                      "sfactions.connections.props-bad.proxy.host is required when sfactions.connections.props-bad.proxy.port"
                          + " is set",
                      "sfactions.connections.props-bad.auth.client-secret is required for the password flow",
                      "sfactions.connections.props-bad.auth.username is required for the password flow",
                      "sfactions.connections.props-bad.auth.refresh-token is not used by the password flow: remove it or"
                          + " change sfactions.connections.props-bad.auth.flow",
                      "sfactions.connections.props-cc.login-url must be the org's My Domain URL"
                          + " (https://<name>.my.salesforce.com) for the client-credentials flow: login.salesforce.com"
                          + " rejects it",
                      "sfactions.connections.props-jwt.auth.private-key: The private key is not in PEM form"
                          + " (-----BEGIN PRIVATE KEY----- ...)",
                      "sfactions.connections.props-none.auth.flow is required: password, refresh-token,"
                          + " client-credentials or jwt-bearer");
              assertThat(failure.getMessage())
                  .startsWith("Invalid Salesforce configuration (9 problems):")
                  .doesNotContain(SECRET);
            });
    assertThat(registry.names()).doesNotContain("props-bad", "props-cc", "props-jwt", "props-none");
  }

  @Test
  void anUnknownFlowFailsBindingNamingTheProperty() {
    runner
        .withPropertyValues("sfactions.connections.props-x.auth.flow=oauth-magic")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining("sfactions.connections.props-x.auth.flow");
            });
  }

  @Test
  void aLocalLoginUrlNeedsAllowLocalInstanceAndSaysSo() {
    runner
        .withPropertyValues(
            "sfactions.connections.props-local.login-url=http://localhost:8085",
            "sfactions.connections.props-local.auth.flow=client-credentials",
            "sfactions.connections.props-local.auth.client-id=app",
            "sfactions.connections.props-local.auth.client-secret=" + SECRET)
        .run(
            context ->
                assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining("sfactions.connections.props-local.login-url")
                    .hasMessageContaining(
                        "set sfactions.connections.props-local.allow-local-instance=true"));
    runner
        .withPropertyValues(
            "sfactions.connections.props-local.login-url=http://localhost:8085",
            "sfactions.connections.props-local.allow-local-instance=true",
            "sfactions.connections.props-local.auth.flow=client-credentials",
            "sfactions.connections.props-local.auth.client-id=app",
            "sfactions.connections.props-local.auth.client-secret=" + SECRET)
        .run(
            context ->
                assertThat(registry.settings("props-local").orElseThrow().loginUrl())
                    .isEqualTo("http://localhost:8085"));
  }

  @Test
  void aLoginUrlOutsideSalesforceFailsTheStartNamingThePropertyAndHost() {
    runner
        .withPropertyValues(
            "sfactions.connections.props-typo.login-url=https://login.salesforce.co",
            "sfactions.connections.props-typo.auth.flow=password",
            "sfactions.connections.props-typo.auth.client-id=app",
            "sfactions.connections.props-typo.auth.client-secret=" + SECRET,
            "sfactions.connections.props-typo.auth.username=u@acme.io",
            "sfactions.connections.props-typo.auth.password=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .hasMessageContaining(
                      "sfactions.connections.props-typo.login-url: Invalid Salesforce login URL"
                          + " (loginUrl): the login URL host login.salesforce.co is not a Salesforce host")
                  .hasMessageNotContaining("allow-local-instance")
                  .hasMessageNotContaining(SECRET);
              assertThat(registry.settings("props-typo")).isEmpty();
            });
  }

  @Test
  void aSandboxFlagContradictingTheLoginUrlIsRejectedAndASandboxMyDomainAccepted() {
    runner
        .withPropertyValues(
            "sfactions.connections.props-sbx.sandbox=true",
            "sfactions.connections.props-sbx.login-url=https://login.salesforce.com",
            "sfactions.connections.props-sbx.auth.flow=refresh-token",
            "sfactions.connections.props-sbx.auth.client-id=app",
            "sfactions.connections.props-sbx.auth.refresh-token=" + SECRET)
        .run(
            context ->
                assertThat(rootCause(context.getStartupFailure()))
                    .hasMessageContaining(
                        "sfactions.connections.props-sbx.sandbox=true contradicts sfactions.connections.props-sbx.login-url"));
    runner
        .withPropertyValues(
            "sfactions.connections.props-sbx.sandbox=true",
            "sfactions.connections.props-sbx.login-url=https://acme--uat.sandbox.my.salesforce.com",
            "sfactions.connections.props-sbx.auth.flow=client-credentials",
            "sfactions.connections.props-sbx.auth.client-id=app",
            "sfactions.connections.props-sbx.auth.client-secret=" + SECRET)
        .run(
            context ->
                assertThat(registry.settings("props-sbx").orElseThrow().isSandboxLogin()).isTrue());
  }

  @Test
  void closingTheContextKeepsAConnectionAnotherContextRegisteredSinceUnderTheSameName() {
    ConnectionSettings replacement =
        ConnectionSettings.builder()
            .auth(new ClientCredentialsFlow("other-app", SECRET))
            .loginUrl("https://other.my.salesforce.com")
            .build();
    try {
      runner
          .withPropertyValues(
              "sfactions.connections.props-shared.login-url=https://acme.my.salesforce.com",
              "sfactions.connections.props-shared.auth.flow=client-credentials",
              "sfactions.connections.props-shared.auth.client-id=app",
              "sfactions.connections.props-shared.auth.client-secret=" + SECRET)
          .run(
              context -> {
                assertThat(registry.settings("props-shared").orElseThrow().loginUrl())
                    .isEqualTo("https://acme.my.salesforce.com");
                registry.register("props-shared", replacement);
              });
      assertThat(registry.settings("props-shared")).containsSame(replacement);
    } finally {
      registry.remove("props-shared");
    }
  }

  @Test
  void closingTheContextRestoresTheConnectionItHadReplaced() {
    ConnectionSettings engines =
        ConnectionSettings.builder()
            .auth(new ClientCredentialsFlow("engine-app", SECRET))
            .loginUrl("https://engine.my.salesforce.com")
            .build();
    registry.register("props-restored", engines);
    try {
      runner
          .withPropertyValues(
              "sfactions.connections.props-restored.login-url=https://acme.my.salesforce.com",
              "sfactions.connections.props-restored.auth.flow=client-credentials",
              "sfactions.connections.props-restored.auth.client-id=app",
              "sfactions.connections.props-restored.auth.client-secret=" + SECRET)
          .run(
              context ->
                  assertThat(registry.settings("props-restored").orElseThrow().loginUrl())
                      .isEqualTo("https://acme.my.salesforce.com"));
      assertThat(registry.settings("props-restored")).containsSame(engines);
    } finally {
      registry.remove("props-restored");
    }
  }

  @Test
  void withoutCamundaStarterActuatorAndMicrometerOnlyTheConnectionsAreConfigured() {
    new ApplicationContextRunner()
        .withClassLoader(
            new FilteredClassLoader(
                CamundaBpmAutoConfiguration.class, HealthIndicator.class, MeterRegistry.class))
        .withConfiguration(
            AutoConfigurations.of(
                SalesforceAutoConfiguration.class,
                SalesforceCamundaAutoConfiguration.class,
                SalesforceHealthAutoConfiguration.class,
                SalesforceMetricsAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(SalesforceConnectionRegistrar.class)
                  .doesNotHaveBean(SalesforceEngineDefaultsPlugin.class)
                  .doesNotHaveBean(SalesforceHealthIndicator.class)
                  .doesNotHaveBean(SalesforceMetrics.class);
              assertThat(context.getBean(SalesforceConnections.class))
                  .isSameAs(SalesforceConnections.global());
            });
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
