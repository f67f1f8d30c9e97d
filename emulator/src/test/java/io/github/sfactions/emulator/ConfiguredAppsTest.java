package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredAppsTest {
  @Test
  void connectedAppFromJsonConfigVerifiesJwtWithItsPemKeyAndRotatesRefreshTokens()
      throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair keys = gen.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----";
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withUser(new EmulatorConfig.User("int@example.com", "pw", null))
            .withConnectedApp(
                new EmulatorConfig.ConnectedApp(
                    "pem-app", "pem-secret", pem, "int@example.com", true));
    EmulatorConfig roundTrip = EmulatorConfig.fromJson(config.toJson());
    try (SalesforceEmulator sf = SalesforceEmulator.builder().config(roundTrip).start()) {
      SfHttp http = new SfHttp(sf);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader(JWSAlgorithm.RS256),
              new JWTClaimsSet.Builder()
                  .issuer("pem-app")
                  .subject("int@example.com")
                  .audience("https://test.salesforce.com")
                  .expirationTime(new Date(System.currentTimeMillis() + 180_000))
                  .build());
      jwt.sign(new RSASSASigner(keys.getPrivate()));
      SfHttp.Res login =
          http.token(
              Map.of(
                  "grant_type",
                  "urn:ietf:params:oauth:grant-type:jwt-bearer",
                  "assertion",
                  jwt.serialize()));
      assertThat(login.status()).isEqualTo(200);
      http.token = login.json().get("access_token").asText();
      assertThat(http.get(V + "/sobjects").status()).isEqualTo(200);

      SfHttp.Res cc =
          http.token(
              Map.of(
                  "grant_type",
                  "client_credentials",
                  "client_id",
                  "pem-app",
                  "client_secret",
                  "pem-secret"));
      assertThat(cc.json().get("id").asText())
          .endsWith(
              login
                  .json()
                  .get("id")
                  .asText()
                  .substring(login.json().get("id").asText().lastIndexOf('/')));

      String refresh = sf.issueRefreshToken("pem-app", "int@example.com");
      SfHttp.Res first =
          http.token(
              Map.of(
                  "grant_type", "refresh_token", "client_id", "pem-app", "refresh_token", refresh));
      String rotated = first.json().get("refresh_token").asText();
      assertThat(rotated).isNotEqualTo(refresh);
      assertThat(
              http.token(
                      Map.of(
                          "grant_type",
                          "refresh_token",
                          "client_id",
                          "pem-app",
                          "refresh_token",
                          refresh))
                  .status())
          .isEqualTo(400);
      assertThat(
              http.token(
                      Map.of(
                          "grant_type",
                          "refresh_token",
                          "client_id",
                          "pem-app",
                          "refresh_token",
                          rotated))
                  .status())
          .isEqualTo(200);
      assertThat(
              http.token(
                      Map.of(
                          "grant_type",
                          "refresh_token",
                          "client_id",
                          SalesforceEmulator.DEMO_CLIENT_ID,
                          "refresh_token",
                          rotated))
                  .status())
          .isEqualTo(400);
    }
  }

  @Test
  void invalidPemIsAClearStartupError() {
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withConnectedApp(new EmulatorConfig.ConnectedApp("bad", "s", "not a pem", null, null));
    assertThatThrownBy(() -> SalesforceEmulator.builder().config(config).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jwtPublicKeyPem");
  }

  @Test
  void withoutDemoTheDemoCredentialsAreUnknown() {
    EmulatorConfig config =
        EmulatorConfig.fromJson(
            """
                {"includeDemo": false,
                 "users": [{"username": "only@example.com", "password": "p"}],
                 "connectedApps": [{"clientId": "only", "clientSecret": "s"}]}""");
    try (SalesforceEmulator sf = SalesforceEmulator.builder().config(config).start()) {
      SfHttp http = new SfHttp(sf);
      assertThat(
              http.token(
                      Map.of(
                          "grant_type",
                          "password",
                          "client_id",
                          SalesforceEmulator.DEMO_CLIENT_ID,
                          "client_secret",
                          SalesforceEmulator.DEMO_CLIENT_SECRET,
                          "username",
                          SalesforceEmulator.DEMO_USERNAME,
                          "password",
                          "demoTOKEN"))
                  .json()
                  .get("error")
                  .asText())
          .isEqualTo("invalid_client_id");
      SfHttp.Res ok =
          http.token(
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  "only",
                  "client_secret",
                  "s",
                  "username",
                  "ONLY@example.com",
                  "password",
                  "p"));
      assertThat(ok.status()).isEqualTo(200);
      http.token = ok.json().get("access_token").asText();
      SfHttp.Res info =
          http.send(
              HttpRequest.newBuilder(URI.create(sf.loginUrl() + "/services/oauth2/userinfo"))
                  .header("Authorization", "Bearer " + http.token)
                  .GET());
      assertThat(info.json().get("preferred_username").asText()).isEqualTo("only@example.com");
      SfHttp.Res basic = http.get(V + "/sobjects/Lead");
      assertThat(basic.json().get("objectDescribe").get("keyPrefix").asText()).isEqualTo("00Q");
      assertThat(basic.json().get("recentItems")).isEmpty();
    }
  }

  @Test
  void invalidConfigJsonIsReported() {
    assertThatThrownBy(() -> EmulatorConfig.fromJson("{\"users\": 5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid emulator config");
    assertThatThrownBy(
            () ->
                SalesforceEmulator.builder()
                    .config(
                        EmulatorConfig.defaults()
                            .withObject(
                                new EmulatorConfig.SObject(
                                    "R__c",
                                    List.of(EmulatorConfig.Field.of("Ref__c", "reference")))))
                    .start())
        .hasMessageContaining("needs referenceTo");
  }
}
