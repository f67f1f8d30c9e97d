package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.camunda.SalesforceConnectorException;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.camunda.impl.QuietSalesforceFailures;
import io.github.sfactions.camunda.impl.RetryAwareFailedJobCommandFactory;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.configuration.impl.GenericPropertiesConfiguration;
import org.camunda.connect.Connectors;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application with a real engine (H2 in memory), two Salesforce connections
 * configured by {@code sfactions.*} and real HTTP to the emulator.
 */
@SpringBootTest(
    classes = SpringTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.generate-unique-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.auto-deployment-enabled=false",
      "sfactions.health.cache-time-to-live=0s",
      "management.endpoint.health.show-details=always"
    })
// closed after the class so that its connections leave the JVM-global registry
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SalesforceSpringBootTest {

  private static final long DAILY_LIMIT = 10_000;
  private static final SalesforceEmulator EMULATOR =
      SalesforceEmulator.builder().dailyApiLimit(DAILY_LIMIT).start();

  @DynamicPropertySource
  static void connections(DynamicPropertyRegistry registry) {
    EmulatorConnection.password(registry, "default", EMULATOR);
    String eu = "sfactions.connections.eu.";
    registry.add(eu + "login-url", EMULATOR::loginUrl);
    registry.add(eu + "allow-local-instance", () -> "true");
    registry.add(eu + "auth.flow", () -> "client-credentials");
    registry.add(eu + "auth.client-id", () -> SalesforceEmulator.DEMO_CLIENT_ID);
    registry.add(eu + "auth.client-secret", () -> SalesforceEmulator.DEMO_CLIENT_SECRET);
  }

  @Autowired private ProcessEngine processEngine;
  @Autowired private RuntimeService runtimeService;
  @Autowired private RepositoryService repositoryService;
  @Autowired private MeterRegistry meters;
  @Autowired private HealthEndpoint healthEndpoint;
  @Autowired private SalesforceHealthIndicator healthIndicator;

  @AfterAll
  static void stopEmulator() {
    EMULATOR.close();
  }

  @BeforeEach
  void deployAndReset() {
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("SpringCreateLead")
            .count()
        == 0) {
      repositoryService
          .createDeployment()
          .name("spring-test")
          .addClasspathResource("io/github/sfactions/spring/salesforce-lead.bpmn")
          .deploy();
    }
    EMULATOR.reset();
  }

  @Test
  void theSpringConfiguredConnectionsAreRegisteredForTheConnectors() {
    SalesforceConnections registry = SalesforceConnections.global();
    assertThat(registry.names()).contains("default", "eu");
    assertThat(registry.settings("default").orElseThrow().auth()).isInstanceOf(PasswordFlow.class);
    assertThat(registry.settings("eu").orElseThrow().auth())
        .isInstanceOf(ClientCredentialsFlow.class);
    assertThat(registry.settings("eu").orElseThrow().loginUrl()).isEqualTo(EMULATOR.loginUrl());
  }

  @Test
  void theStarterActivatesCamundaConnectWhichFindsTheSalesforceConnectors() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    configuration
        .getProcessEnginePlugins()
        .forEach(
            plugin ->
                plugins.addAll(
                    plugin instanceof CompositeProcessEnginePlugin composite
                        ? composite.getPlugins()
                        : List.of(plugin)));
    assertThat(plugins).hasAtLeastOneElementOfType(ConnectProcessEnginePlugin.class);
    // before Camunda's generic properties, so that the user's settings are applied after it
    assertThat(indexOf(plugins, SalesforceEngineDefaultsPlugin.class))
        .isLessThan(indexOf(plugins, GenericPropertiesConfiguration.class));
    SalesforceConnectorIds.ALL.forEach(
        id ->
            assertThat(Connectors.<org.camunda.connect.spi.Connector<?>>getConnector(id))
                .as(id)
                .extracting(org.camunda.connect.spi.Connector::getId)
                .isEqualTo(id));
  }

  @Test
  void aServiceTaskCreatesALeadThroughTheDefaultAndTheNamedConnection() {
    ProcessInstance viaDefault =
        runtimeService.startProcessInstanceByKey(
            "SpringCreateLead", Map.of("lastName", "Lovelace", "company", "Analytical Engines"));
    Map<String, Object> euVariables =
        new HashMap<>(Map.of("lastName", "Hopper", "company", "Navy"));
    euVariables.put("connection", "eu");
    ProcessInstance viaEu =
        runtimeService.startProcessInstanceByKey("SpringCreateLead", euVariables);

    String defaultLead = historicVariable(viaDefault, "leadId");
    String euLead = historicVariable(viaEu, "leadId");
    assertThat(historicVariable(viaDefault, "leadResult")).isEqualTo("created");
    assertThat(EMULATOR.record("Lead", defaultLead))
        .hasValueSatisfying(
            lead ->
                assertThat(lead)
                    .containsEntry("LastName", "Lovelace")
                    .containsEntry("Company", "Analytical Engines"));
    assertThat(EMULATOR.record("Lead", euLead))
        .hasValueSatisfying(lead -> assertThat(lead).containsEntry("LastName", "Hopper"));
    // one login per connection: password for default, client credentials for eu
    assertThat(EMULATOR.stats().tokenRequests()).isLessThanOrEqualTo(2);
  }

  @Test
  void apiCallsAreCountedAndTimedByObjectOperationAndOutcome() {
    double createdBefore = calls("Lead", "create", "SUCCESS");
    double failedBefore = calls("Lead", "create", "SERVER_ERROR");
    double createdByEuBefore = callsOf("eu", "Lead", "create", "SUCCESS");
    double createdByDefaultBefore = callsOf("default", "Lead", "create", "SUCCESS");

    runtimeService.startProcessInstanceByKey(
        "SpringCreateLead", Map.of("lastName", "Curie", "company", "Radium"));
    EMULATOR.faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "POST", "/sobjects/Lead", null);
    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    "SpringCreateLead", Map.of("lastName", "Meitner", "company", "Fission")))
        .hasMessageContaining("503");

    assertThat(calls("Lead", "create", "SUCCESS")).isEqualTo(createdBefore + 1);
    assertThat(calls("Lead", "create", "SERVER_ERROR")).isEqualTo(failedBefore + 1);
    Timer timer =
        meters
            .find(SalesforceMetrics.CALL_DURATION)
            .tags(
                "connection",
                "default",
                "object",
                "Lead",
                "operation",
                "create",
                "outcome",
                "SUCCESS")
            .timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isEqualTo((long) callsOf("default", "Lead", "create", "SUCCESS"));
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    // two connections: each call is tagged with the connection that made it
    assertThat(callsOf("default", "Lead", "create", "SUCCESS"))
        .isEqualTo(createdByDefaultBefore + 1);
    assertThat(callsOf("eu", "Lead", "create", "SUCCESS")).isEqualTo(createdByEuBefore);
  }

  @Test
  void theRemainingRequestsGaugeFollowsSforceLimitInfoAndTheHealthCheck() {
    runtimeService.startProcessInstanceByKey(
        "SpringCreateLead", Map.of("lastName", "Noether", "company", "Algebra"));
    assertThat(remaining("default")).isEqualTo(DAILY_LIMIT - EMULATOR.stats().totalApiCalls());

    assertThat(connectionStatus(healthIndicator.health(), "eu")).isEqualTo("UP");
    long usedAfterHealthCheck = EMULATOR.stats().totalApiCalls();
    assertThat(remaining("eu")).isEqualTo(DAILY_LIMIT - usedAfterHealthCheck);
    assertThat(meters.find(SalesforceMetrics.MAX).tag("connection", "eu").gauge().value())
        .isEqualTo(DAILY_LIMIT);
  }

  @Test
  void theHealthEndpointReportsEachConnectionUpAgainstTheEmulator() {
    HealthComponent salesforce = healthEndpoint.healthForPath("salesforce");
    assertThat(salesforce).isInstanceOf(Health.class);
    // per connection: other test classes of this JVM may have left connections of their own in the
    // registry
    assertThat(connectionStatus((Health) salesforce, "default")).isEqualTo("UP");
    assertThat(connectionStatus((Health) salesforce, "eu")).isEqualTo("UP");
  }

  @Test
  void theEngineGetsTheFailedJobHandlingAroundTheStartersFactory() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getFailedJobCommandFactory())
        .isInstanceOfSatisfying(
            RetryAwareFailedJobCommandFactory.class,
            f -> assertThat(f.delegate()).isInstanceOf(DefaultFailedJobCommandFactory.class));
    assertThat(configuration.getCommandContextFactory())
        .isInstanceOf(QuietSalesforceFailures.ContextFactory.class);
  }

  @Test
  void anUnhandledBpmnErrorFailsTheTaskInsteadOfEndingTheProcessSilently() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.isEnableExceptionsAfterUnhandledBpmnError()).isTrue();

    // no LastName: the action rejects the record with BPMN error 400, and nothing in the diagram
    // catches it, so
    // the connector fails the task with a failure that is not retried
    assertThatThrownBy(
            () ->
                runtimeService.startProcessInstanceByKey(
                    "SpringCreateLead", Map.of("lastName", "", "company", "Nameless")))
        .isInstanceOfSatisfying(
            SalesforceConnectorException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage())
                  .contains("Missing last_name value", "catches BPMN error 400");
            });
    assertThat(EMULATOR.records("Lead")).isEmpty();
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .variableValueEquals("company", "Nameless")
                .count())
        .isZero();
  }

  private static Object connectionStatus(Health health, String connection) {
    assertThat(health.getDetails()).containsKey(connection);
    return ((Map<?, ?>) health.getDetails().get(connection)).get(SalesforceHealthIndicator.STATUS);
  }

  private static int indexOf(List<ProcessEnginePlugin> plugins, Class<?> type) {
    for (int i = 0; i < plugins.size(); i++) {
      if (type.isInstance(plugins.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " among " + plugins);
  }

  private double calls(String object, String operation, String outcome) {
    return meters
        .find(SalesforceMetrics.CALLS)
        .tags("object", object, "operation", operation, "outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double callsOf(String connection, String object, String operation, String outcome) {
    return meters
        .find(SalesforceMetrics.CALLS)
        .tags(
            "connection", connection, "object", object, "operation", operation, "outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private long remaining(String connection) {
    Gauge gauge = meters.find(SalesforceMetrics.REMAINING).tag("connection", connection).gauge();
    assertThat(gauge).as("gauge for " + connection).isNotNull();
    return (long) gauge.value();
  }

  private String historicVariable(ProcessInstance instance, String name) {
    return (String)
        processEngine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult()
            .getValue();
  }
}
