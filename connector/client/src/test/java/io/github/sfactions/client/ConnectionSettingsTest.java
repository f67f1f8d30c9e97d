package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  private static final PasswordFlow PASSWORD =
      new PasswordFlow("cid", "the-client-secret", "user@x.com", "the-password", "the-sec-token");

  @Test
  void hasSafeDefaults() {
    ConnectionSettings s = ConnectionSettings.builder().auth(PASSWORD).build();
    assertThat(s.loginUrl()).isEqualTo("https://login.salesforce.com");
    assertThat(s.apiVersion()).isEqualTo("v62.0");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(20));
    assertThat(
            s.toBuilder().keepAlive(Duration.ofSeconds(5)).build().toBuilder().build().keepAlive())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(s.proxy()).isEmpty();
    assertThat(s.allowLocalInstance()).isFalse();
    assertThat(s.isSandboxLogin()).isFalse();
  }

  @Test
  void sandboxSwitchesTheLoginHost() {
    ConnectionSettings s = ConnectionSettings.builder().sandbox(true).auth(PASSWORD).build();
    assertThat(s.loginUrl()).isEqualTo("https://test.salesforce.com");
    assertThat(s.isSandboxLogin()).isTrue();
    assertThat(
            ConnectionSettings.builder()
                .loginUrl("https://acme--uat.sandbox.my.salesforce.com/")
                .auth(PASSWORD)
                .build()
                .loginUrl())
        .isEqualTo("https://acme--uat.sandbox.my.salesforce.com");
  }

  @Test
  void validatesTheApiVersion() {
    assertThat(ConnectionSettings.builder().apiVersion("v53.0").auth(PASSWORD).build().apiVersion())
        .isEqualTo("v53.0");
    for (String bad : new String[] {"62.0", "v62", "v62.1", "v0.0", "", null, "v62.0/../x"}) {
      assertThatThrownBy(() -> ConnectionSettings.builder().apiVersion(bad).auth(PASSWORD).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("API version");
    }
  }

  @Test
  void rejectsPlainHttpAndLocalLoginUrlsUnlessAllowed() {
    assertThatThrownBy(
            () ->
                ConnectionSettings.builder()
                    .loginUrl("http://login.salesforce.com")
                    .auth(PASSWORD)
                    .build())
        .hasMessageContaining("scheme must be https");
    assertThatThrownBy(
            () ->
                ConnectionSettings.builder()
                    .loginUrl("http://localhost:8080")
                    .auth(PASSWORD)
                    .build())
        .hasMessageContaining("allowLocalInstance");
    assertThat(
            ConnectionSettings.builder()
                .loginUrl("http://localhost:8080")
                .allowLocalInstance(true)
                .auth(PASSWORD)
                .build()
                .loginUrl())
        .isEqualTo("http://localhost:8080");
    assertThatThrownBy(
            () ->
                ConnectionSettings.builder()
                    .loginUrl("https://login.salesforce.com/services")
                    .auth(PASSWORD)
                    .build())
        .hasMessageContaining("only scheme, host");
  }

  @Test
  void theLoginUrlIsHeldToTheInstanceUrlHostRules() {
    for (String good :
        List.of(
            "https://login.salesforce.com",
            "https://test.salesforce.com",
            "https://acme.my.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com",
            "https://acme.my.site.force.com",
            "https://acme.my.salesforce.mil",
            "https://acme.my.sfcrmproducts.cn")) {
      assertThat(ConnectionSettings.builder().loginUrl(good).auth(PASSWORD).build().loginUrl())
          .isEqualTo(good);
    }
    // typos and lookalikes would receive the client secret and the password
    for (String bad :
        List.of(
            "https://login.salesforce.co",
            "https://login.salesforce.com.evil.io",
            "https://loginsalesforce.com",
            "https://salesforce.com",
            "https://login.example.com",
            "https://10.0.0.1")) {
      String host = bad.substring("https://".length());
      assertThatThrownBy(() -> ConnectionSettings.builder().loginUrl(bad).auth(PASSWORD).build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "Invalid Salesforce login URL (loginUrl): the login URL host "
                  + host
                  + " is not a Salesforce host");
    }
    assertThatThrownBy(
            () ->
                ConnectionSettings.builder()
                    .loginUrl("https://user:pw@login.salesforce.com")
                    .auth(PASSWORD)
                    .build())
        .hasMessageContaining("user info")
        .hasMessageNotContaining("pw");
  }

  @Test
  void requiresAnAuthFlowAndPositiveTimeouts() {
    assertThatThrownBy(() -> ConnectionSettings.builder().build())
        .hasMessageContaining("auth flow is required");
    assertThatThrownBy(
            () -> ConnectionSettings.builder().auth(PASSWORD).readTimeout(Duration.ZERO).build())
        .hasMessageContaining("readTimeout must be positive");
    assertThatThrownBy(
            () ->
                ConnectionSettings.builder()
                    .auth(PASSWORD)
                    .keepAlive(Duration.ofSeconds(-1))
                    .build())
        .hasMessageContaining("keepAlive must be positive");
  }

  @Test
  void toStringNeverPrintsSecrets() throws Exception {
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    AuthFlow[] flows = {
      PASSWORD,
      new RefreshTokenFlow("cid", "the-client-secret", "the-refresh-token"),
      new ClientCredentialsFlow("cid", "the-client-secret"),
      new JwtBearerFlow("cid", "user@x.com", keys.generateKeyPair().getPrivate())
    };
    for (AuthFlow flow : flows) {
      String text = ConnectionSettings.builder().auth(flow).build().toString();
      assertThat(text)
          .contains("cid")
          .doesNotContain(
              "the-client-secret", "the-password", "the-sec-token", "the-refresh-token", "MII");
    }
  }

  @Test
  void passwordFlowAppendsTheSecurityToken() {
    assertThat(PASSWORD.passwordWithSecurityToken()).isEqualTo("the-passwordthe-sec-token");
    assertThat(new PasswordFlow("c", "s", "u", "pw", null).passwordWithSecurityToken())
        .isEqualTo("pw");
  }

  @Test
  void jwtFlowNeedsAnRsaKey() throws Exception {
    var ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    assertThatThrownBy(() -> new JwtBearerFlow("cid", "u", ec.generateKeyPair().getPrivate()))
        .hasMessageContaining("RSA");
  }
}
