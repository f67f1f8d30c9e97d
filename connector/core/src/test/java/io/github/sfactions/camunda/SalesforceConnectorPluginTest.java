package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.TestOrg;
import io.github.sfactions.camunda.impl.QuietSalesforceFailures;
import io.github.sfactions.camunda.impl.RetryAwareFailedJobCommandFactory;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.container.impl.metadata.PropertyHelper;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.junit.jupiter.api.Test;

/**
 * The plugin configured the way bpm-platform.xml / processes.xml do it (string properties through
 * setters).
 */
class SalesforceConnectorPluginTest {

  @Test
  void bpmPlatformStylePropertiesConfigureTheDefaultAndNamedConnections() {
    Map<String, String> xmlProperties = new LinkedHashMap<>();
    xmlProperties.put("loginUrl", "https://acme.my.salesforce.com");
    xmlProperties.put("clientId", "default-client");
    xmlProperties.put("clientSecret", "default-secret");
    xmlProperties.put("read-timeout", "PT20S");
    xmlProperties.put("keep-alive", "15000");
    xmlProperties.put(
        "connections",
        """
        eu.loginUrl=https://test.salesforce.com
        eu.authFlow=password
        eu.clientId=eu-client
        eu.clientSecret=eu-secret
        eu.username=integration@acme.eu
        eu.password=pw
        """);
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    PropertyHelper.applyProperties(plugin, xmlProperties, PropertyHelper.KEBAB_CASE);
    SalesforceConnections registry = new SalesforceConnections();
    plugin.setRegistry(registry);

    plugin.preInit(new StandaloneInMemProcessEngineConfiguration());

    assertThat(registry.names()).containsExactly("default", "eu");
    assertThat(registry.settings("default").orElseThrow().auth())
        .isInstanceOf(ClientCredentialsFlow.class);
    assertThat(registry.settings("default").orElseThrow().readTimeout()).hasSeconds(20);
    assertThat(registry.settings("default").orElseThrow().keepAlive()).hasSeconds(15);
    assertThat(registry.settings("eu").orElseThrow().auth()).isInstanceOf(PasswordFlow.class);
    assertThat(registry.settings("eu").orElseThrow().loginUrl())
        .isEqualTo("https://test.salesforce.com");
    assertThat(registry.settings(null)).isEqualTo(registry.settings("default"));
  }

  @Test
  void theFailedJobHandlingWrapsTheFactoryAnotherPluginSetOnce() {
    FailedJobCommandFactory others = (jobId, exception) -> commandContext -> null;
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setFailedJobCommandFactory(others);
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    plugin.setRegistry(new SalesforceConnections());
    // a configuration that never ran init() has no data source for the record lock tables
    plugin.setRecordLocks("false");

    plugin.preInit(configuration);
    plugin.postInit(configuration);
    plugin.preInit(configuration);
    plugin.postInit(configuration);

    assertThat(configuration.getFailedJobCommandFactory())
        .isInstanceOfSatisfying(
            RetryAwareFailedJobCommandFactory.class,
            f -> assertThat(f.delegate()).isSameAs(others));
    assertThat(configuration.getCommandContextFactory())
        .isInstanceOf(QuietSalesforceFailures.ContextFactory.class);
    assertThat(configuration.getCommandContextFactory().getProcessEngineConfiguration())
        .isSameAs(configuration);
  }

  @Test
  void aRecordLockRetentionThatIsNoDurationIsRefusedNamingTheValue() {
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();

    assertThatThrownBy(() -> plugin.setRecordLockRetention("one day"))
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessageContaining("ISO-8601")
        .hasMessageContaining("'one day'");
    assertThatThrownBy(
            () ->
                RecordLocks.install(new StandaloneInMemProcessEngineConfiguration(), Duration.ZERO))
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void anEnginesOwnCommandContextFactoryIsKept() {
    CommandContextFactory own = new CommandContextFactory();
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setCommandContextFactory(own);
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    plugin.setRegistry(new SalesforceConnections());

    plugin.preInit(configuration);

    assertThat(configuration.getCommandContextFactory()).isSameAs(own);
  }

  @Test
  void springXmlMapPropertiesWork() {
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    plugin.setProperties(
        Map.of(
            "default.loginUrl",
            "https://acme.my.salesforce.com",
            "default.clientId",
            "c",
            "default.clientSecret",
            "s"));
    assertThat(plugin.connectionSettings()).containsOnlyKeys("default");
  }

  @Test
  void invalidSettingsFailTheEngineStartWithoutSecrets() {
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    plugin.setRegistry(new SalesforceConnections());
    plugin.setClientSecret("very-secret");
    plugin.setLoginUrl("http://evil.example.com");
    assertThatThrownBy(() -> plugin.preInit(null))
        .hasMessageStartingWith("Salesforce connection 'default'")
        .hasMessageNotContaining("very-secret");
  }

  @Test
  void aLoginUrlOutsideSalesforceFailsTheEngineStartNamingThePropertyAndHost() {
    Map<String, String> xmlProperties = new LinkedHashMap<>();
    xmlProperties.put(
        "connections",
        """
        eu.loginUrl=https://acme.my.salesforce.com.attacker.io
        eu.authFlow=password
        eu.clientId=eu-client
        eu.clientSecret=eu-secret-value
        eu.username=integration@acme.eu
        eu.password=pw-value-123
        """);
    SalesforceConnectorPlugin plugin = new SalesforceConnectorPlugin();
    PropertyHelper.applyProperties(plugin, xmlProperties, PropertyHelper.KEBAB_CASE);
    plugin.setRegistry(new SalesforceConnections());

    assertThatThrownBy(() -> plugin.preInit(null))
        .hasMessage(
            "Salesforce connection 'eu': loginUrl: Invalid Salesforce login URL (loginUrl): the login URL host"
                + " acme.my.salesforce.com.attacker.io is not a Salesforce host (a name under .salesforce.com,"
                + " .force.com, .salesforce.mil, .sfcrmproducts.cn); use https://login.salesforce.com,"
                + " https://test.salesforce.com or the org's My Domain (https://<name>.my.salesforce.com)")
        .hasMessageNotContaining("eu-secret-value")
        .hasMessageNotContaining("pw-value-123");
  }

  @Test
  void registryCreatesOneSharedClientLazilyAndReportsCallsToListeners() {
    SalesforceEmulator org = SharedOrg.fresh();
    SalesforceConnections registry = new SalesforceConnections();
    List<String> calls = new CopyOnWriteArrayList<>();
    registry.addCallListener((connection, call) -> calls.add(connection + ":" + call.operation()));
    registry.register("emu", TestOrg.settings(org));
    assertThat(org.stats().tokenRequests()).isZero();

    SalesforceClient client = registry.client("emu");
    assertThat(registry.client("emu")).isSameAs(client);
    client.create("Lead", Map.of("LastName", "L", "Company", "C"));
    assertThat(calls).contains("emu:CREATE");

    registry.register("emu", TestOrg.settings(org));
    assertThat(registry.client("emu")).isNotSameAs(client);
    registry.close();
    assertThatThrownBy(() -> registry.client("other"))
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessage("No Salesforce connection named 'other' is configured (configured: emu)");
  }
}
