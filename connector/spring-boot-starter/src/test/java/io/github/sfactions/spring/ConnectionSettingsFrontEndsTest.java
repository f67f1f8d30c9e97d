package io.github.sfactions.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.camunda.impl.ConnectionProperties;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.InvalidConnectionSettingsException;
import io.github.sfactions.spring.impl.ConnectionSettingsFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One table of connection cases ({@code connection-settings-cases.json}) run through both front
 * ends, the engine plugin's camelCase keys and Spring Boot's kebab-case properties, so the two
 * cannot drift apart: both hand every rule to {@link ConnectionSettings#fromProperties(Map,
 * UnaryOperator)}. A problem in the table names properties as {@code {clientId}}; each front end
 * spells them its own way.
 */
class ConnectionSettingsFrontEndsTest {

  private static final String CONNECTION = "t";

  /** One row of the table. */
  record Case(
      String name,
      Map<String, String> properties,
      Map<String, String> expect,
      List<String> problems,
      List<String> problemsContain) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in =
        ConnectionSettingsFrontEndsTest.class.getResourceAsStream(
            "/io/github/sfactions/client/connection-settings-cases.json")) {
      List<Map<String, Object>> rows = new ObjectMapper().readValue(in, new TypeReference<>() {});
      return rows.stream().map(ConnectionSettingsFrontEndsTest::toCase);
    }
  }

  @SuppressWarnings("unchecked")
  private static Case toCase(Map<String, Object> row) {
    return new Case(
        (String) row.get("case"),
        (Map<String, String>) row.get("properties"),
        (Map<String, String>) row.get("expect"),
        (List<String>) row.get("problems"),
        (List<String>) row.get("problemsContain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theEnginePluginAppliesTheClientsRules(Case c) {
    UnaryOperator<String> names = UnaryOperator.identity();
    ConnectionProperties plugin = new ConnectionProperties(n -> null, n -> null);
    if (c.expect() != null) {
      assertSettings(plugin.toSettings(CONNECTION, c.properties()), c.expect());
      return;
    }
    assertThatThrownBy(() -> plugin.toSettings(CONNECTION, c.properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Salesforce connection '" + CONNECTION + "': ")
        .hasMessageNotContaining("s3cr3t")
        .satisfies(
            e ->
                assertProblems(
                    ((InvalidConnectionSettingsException) e.getCause()).problems(), c, names));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void springBootAppliesTheClientsRules(Case c) {
    UnaryOperator<String> names =
        key ->
            ConnectionSettingsFactory.property(
                CONNECTION, ConnectionSettingsFactory.SPRING_NAMES.get(key));
    Map<String, String> spring = new LinkedHashMap<>();
    c.properties().forEach((key, value) -> spring.put(names.apply(key), value));
    SalesforceProperties bound =
        new Binder(new MapConfigurationPropertySource(spring))
            .bind(SalesforceProperties.PREFIX, SalesforceProperties.class)
            .get();
    List<String> problems = new ArrayList<>();
    Optional<ConnectionSettings> settings =
        ConnectionSettingsFactory.create(
            CONNECTION, bound.getConnections().get(CONNECTION), problems);
    if (c.expect() != null) {
      assertThat(problems).isEmpty();
      assertSettings(settings.orElseThrow(), c.expect());
      return;
    }
    assertThat(settings).isEmpty();
    assertThat(problems).noneMatch(p -> p.contains("s3cr3t"));
    assertProblems(problems, c, names);
  }

  @Test
  void everyClientPropertyHasASpringName() {
    assertThat(ConnectionSettingsFactory.SPRING_NAMES)
        .containsOnlyKeys(ConnectionSettings.PROPERTIES)
        .containsEntry("authFlow", "auth.flow")
        .containsEntry("clientId", "auth.client-id")
        .containsEntry("proxyHost", "proxy.host")
        .containsEntry("allowLocalInstance", "allow-local-instance");
    assertThat(ConnectionProperties.KNOWN).containsExactlyElementsOf(ConnectionSettings.PROPERTIES);
  }

  @Test
  void aConnectionNamedWithoutPropertiesGetsTheSameRule() {
    SalesforceProperties properties = new SalesforceProperties();
    properties.getConnections().put("empty", null);
    assertThat(SalesforceConnectionRegistrar.problems(properties))
        .containsExactly(
            "sfactions.connections.empty.auth.flow is required: password, refresh-token, client-credentials or jwt-bearer");
  }

  private static void assertSettings(ConnectionSettings s, Map<String, String> expect) {
    Map<String, String> actual = new LinkedHashMap<>();
    actual.put("loginUrl", s.loginUrl());
    actual.put("apiVersion", s.apiVersion());
    actual.put("flow", s.auth().getClass().getSimpleName());
    actual.put("connectTimeout", s.connectTimeout().toString());
    actual.put("readTimeout", s.readTimeout().toString());
    actual.put("keepAlive", s.keepAlive().toString());
    actual.put("proxy", s.proxy().map(Object::toString).orElse("none"));
    actual.put("allowLocalInstance", String.valueOf(s.allowLocalInstance()));
    actual.put("userAgent", s.userAgent());
    expect.forEach((key, value) -> assertThat(actual.get(key)).as(key).isEqualTo(value));
  }

  private static void assertProblems(List<String> problems, Case c, UnaryOperator<String> names) {
    if (c.problems() != null) {
      assertThat(problems).hasSameSizeAs(c.problems());
      for (int i = 0; i < problems.size(); i++) {
        String expected = spell(c.problems().get(i), names);
        if (expected.endsWith("...")) {
          assertThat(problems.get(i)).startsWith(expected.substring(0, expected.length() - 3));
        } else {
          assertThat(problems.get(i)).isEqualTo(expected);
        }
      }
    }
    if (c.problemsContain() != null) {
      for (String part : c.problemsContain()) {
        assertThat(problems).anyMatch(p -> p.contains(spell(part, names)));
      }
    }
  }

  /** Replaces each {@code {property}} by the front end's spelling. */
  private static String spell(String template, UnaryOperator<String> names) {
    String text = template;
    for (String key : ConnectionSettings.PROPERTIES) {
      text = text.replace("{" + key + "}", names.apply(key));
    }
    return text;
  }
}
