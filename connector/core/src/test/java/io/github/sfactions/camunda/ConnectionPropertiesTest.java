package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.camunda.impl.ConnectionProperties;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPropertiesTest {

  private final ConnectionProperties properties =
      new ConnectionProperties(
          Map.of("SF_SECRET", "s3cr3t-value", "SF_ID", "client-1")::get,
          Map.of("sf.user", "u@x.io")::get);

  @Test
  void linesAreGroupedByConnectionName() {
    Map<String, Map<String, String>> byName =
        ConnectionProperties.parseLines(
            """
        # production org
        default.loginUrl = https://login.salesforce.com
        default.clientId=abc

        eu.sandbox=true
        """);
    assertThat(byName).containsOnlyKeys("default", "eu");
    assertThat(byName.get("default"))
        .containsEntry("loginUrl", "https://login.salesforce.com")
        .containsEntry("clientId", "abc");
  }

  @Test
  void environmentAndSystemPropertyReferencesAreResolved() {
    ConnectionSettings s =
        properties.toSettings(
            "default",
            Map.of(
                "clientId",
                "${env:SF_ID}",
                "clientSecret",
                "${env:SF_SECRET}",
                "username",
                "${sys:sf.user}",
                "password",
                "pw"));
    assertThat(s.auth()).isInstanceOf(PasswordFlow.class);
    PasswordFlow flow = (PasswordFlow) s.auth();
    assertThat(flow.clientId()).isEqualTo("client-1");
    assertThat(flow.clientSecret()).isEqualTo("s3cr3t-value");
    assertThat(flow.username()).isEqualTo("u@x.io");
    assertThat(s.toString()).doesNotContain("s3cr3t-value").doesNotContain("pw,");
  }

  @Test
  void aMissingReferenceNamesTheVariableNotAValue() {
    assertThatThrownBy(() -> properties.toSettings("eu", Map.of("clientSecret", "${env:NOPE}")))
        .hasMessage(
            "Salesforce connection 'eu': property clientSecret refers to ${env:NOPE}, which is not set");
  }

  @Test
  void flowsAreInferredOrChosen() {
    assertThat(
            properties
                .toSettings(
                    "a",
                    Map.of(
                        "loginUrl",
                        "https://acme.my.salesforce.com",
                        "clientId",
                        "c",
                        "clientSecret",
                        "s"))
                .auth())
        .isInstanceOf(ClientCredentialsFlow.class);
    assertThat(properties.toSettings("a", Map.of("clientId", "c", "refreshToken", "r")).auth())
        .isInstanceOf(RefreshTokenFlow.class);
    assertThat(
            properties
                .toSettings(
                    "a",
                    Map.of(
                        "authFlow",
                        "client-credentials",
                        "clientId",
                        "c",
                        "clientSecret",
                        "s",
                        "loginUrl",
                        "https://acme.my.salesforce.com"))
                .auth())
        .isInstanceOf(ClientCredentialsFlow.class);
    assertThatThrownBy(() -> properties.toSettings("a", Map.of("authFlow", "magic")))
        .hasMessageContaining("Unknown authFlow 'magic'");
  }

  @Test
  void jwtBearerReadsAPkcs8PemFile(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n");
    ConnectionSettings s =
        properties.toSettings(
            "jwt", Map.of("clientId", "c", "username", "u@x.io", "privateKeyPath", pem.toString()));
    assertThat(s.auth()).isInstanceOf(JwtBearerFlow.class);
    assertThatThrownBy(
            () ->
                properties.toSettings(
                    "jwt", Map.of("clientId", "c", "username", "u", "privateKey", "not a key")))
        .hasMessageContaining("not in PEM form");
  }

  @Test
  void timeoutsVersionAndLocalInstanceAreApplied() {
    ConnectionSettings s =
        properties.toSettings(
            "local",
            Map.of(
                "loginUrl",
                "http://127.0.0.1:8080",
                "allowLocalInstance",
                "true",
                "clientId",
                "c",
                "clientSecret",
                "s",
                "connectTimeout",
                "2500",
                "readTimeout",
                "PT30S",
                "keepAlive",
                "PT5S",
                "apiVersion",
                "v60.0"));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.apiVersion()).isEqualTo("v60.0");
    assertThat(s.allowLocalInstance()).isTrue();
  }

  @Test
  void unknownPropertiesAndBadValuesAreNamed() {
    assertThatThrownBy(() -> properties.toSettings("x", Map.of("passwort", "secret-value")))
        .hasMessageStartingWith("Unknown property 'passwort' for Salesforce connection 'x'")
        .hasMessageNotContaining("secret-value");
    assertThatThrownBy(
            () ->
                properties.toSettings(
                    "x", Map.of("clientId", "c", "clientSecret", "s", "readTimeout", "soon")))
        .hasMessageContaining("readTimeout must be milliseconds or an ISO-8601 duration");
    assertThatThrownBy(() -> ConnectionProperties.parseLines("default.password"))
        .hasMessageNotContaining("password");
  }
}
