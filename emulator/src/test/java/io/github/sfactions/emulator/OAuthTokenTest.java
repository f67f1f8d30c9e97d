package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {
  static final String JWT_APP = "jwt-app";
  static KeyPair keys;
  static KeyPair otherKeys;
  static SalesforceEmulator emulator;
  final SfHttp http = new SfHttp(emulator);

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    keys = gen.generateKeyPair();
    otherKeys = gen.generateKeyPair();
    emulator =
        SalesforceEmulator.builder()
            .connectedApp(JWT_APP, "jwt-secret", keys.getPublic())
            .user("ops@example.com", "pw", null)
            .start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private Map<String, String> passwordForm() {
    return Map.of(
        "grant_type",
        "password",
        "client_id",
        SalesforceEmulator.DEMO_CLIENT_ID,
        "client_secret",
        SalesforceEmulator.DEMO_CLIENT_SECRET,
        "username",
        SalesforceEmulator.DEMO_USERNAME,
        "password",
        "demoTOKEN");
  }

  @Test
  void passwordFlowReturnsSalesforceShapedTokenWithVerifiableSignature() throws Exception {
    SfHttp.Res r = http.token(passwordForm());
    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    String orgId = emulator.orgId();
    assertThat(j.get("access_token").asText()).startsWith(orgId.substring(0, 15) + "!");
    assertThat(j.get("instance_url").asText())
        .isEqualTo(emulator.instanceUrl())
        .isNotEqualTo(emulator.loginUrl());
    String id = j.get("id").asText();
    assertThat(id)
        .matches(java.util.regex.Pattern.quote(emulator.loginUrl()) + "/id/00D\\w{15}/005\\w{15}");
    assertThat(j.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(j.get("issued_at").isTextual()).isTrue();
    assertThat(Long.parseLong(j.get("issued_at").asText()))
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    assertThat(j.has("refresh_token")).isFalse();
    assertThat(j.has("expires_in")).isFalse();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            SalesforceEmulator.DEMO_CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + j.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8)));
    assertThat(j.get("signature").asText()).isEqualTo(expected);
  }

  @Test
  void passwordWithoutSecurityTokenFails() {
    SfHttp.Res r =
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
                "demo"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(r.json().get("error_description").asText()).isEqualTo("authentication failure");
  }

  @Test
  void unknownClientAndWrongSecretGiveTheirErrorPairs() {
    SfHttp.Res unknown =
        http.token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "nope",
                "client_secret",
                "x",
                "username",
                SalesforceEmulator.DEMO_USERNAME,
                "password",
                "demoTOKEN"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client_id");
    assertThat(unknown.json().get("error_description").asText())
        .isEqualTo("client identifier invalid");
    SfHttp.Res wrong =
        http.token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SalesforceEmulator.DEMO_CLIENT_ID,
                "client_secret",
                "bad",
                "username",
                SalesforceEmulator.DEMO_USERNAME,
                "password",
                "demoTOKEN"));
    assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(wrong.text()).doesNotContain("bad").doesNotContain("demoTOKEN");
  }

  @Test
  void unsupportedGrantTypeIsRejected() {
    SfHttp.Res r = http.token(Map.of("grant_type", "magic"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void parametersInQueryStringAndBasicClientCredentialsAreAccepted() {
    String query = SfHttp.form(passwordForm());
    SfHttp.Res q =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(emulator.loginUrl() + "/services/oauth2/token?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(q.status()).isEqualTo(200);
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (SalesforceEmulator.DEMO_CLIENT_ID + ":" + SalesforceEmulator.DEMO_CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    SfHttp.Res cc =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.loginUrl() + "/services/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&format=json")));
    assertThat(cc.status()).isEqualTo(200);
    assertThat(cc.json().get("id").asText())
        .endsWith("/" + userIdOf(SalesforceEmulator.DEMO_USERNAME));
  }

  private String userIdOf(String username) {
    SfHttp.Res r =
        http.token(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SalesforceEmulator.DEMO_CLIENT_ID,
                "client_secret",
                SalesforceEmulator.DEMO_CLIENT_SECRET,
                "username",
                username,
                "password",
                "demoTOKEN"));
    String id = r.json().get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @Test
  void clientCredentialsWithoutRunAsUserFails() {
    SfHttp.Res r =
        http.token(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                JWT_APP,
                "client_secret",
                "jwt-secret"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error_description").asText())
        .isEqualTo("no client credentials user enabled");
  }

  @Test
  void refreshTokenFlowWorksAndRevokedRefreshTokenFails() {
    String refresh = emulator.issueRefreshToken(SalesforceEmulator.DEMO_USERNAME);
    Map<String, String> form =
        Map.of(
            "grant_type",
            "refresh_token",
            "client_id",
            SalesforceEmulator.DEMO_CLIENT_ID,
            "client_secret",
            SalesforceEmulator.DEMO_CLIENT_SECRET,
            "refresh_token",
            refresh);
    SfHttp.Res ok = http.token(form);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("scope").asText()).contains("refresh_token");
    http.send(
        HttpRequest.newBuilder(URI.create(emulator.loginUrl() + "/services/oauth2/revoke"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + refresh)));
    SfHttp.Res revoked = http.token(form);
    assertThat(revoked.status()).isEqualTo(400);
    assertThat(revoked.json().get("error_description").asText())
        .isEqualTo("expired access/refresh token");
  }

  private String jwt(KeyPair signer, String iss, String sub, String aud, Instant exp)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(iss)
                .subject(sub)
                .audience(aud)
                .expirationTime(Date.from(exp))
                .build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
    return jwt.serialize();
  }

  private SfHttp.Res jwtLogin(String assertion) {
    return http.token(
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
  }

  @Test
  void jwtBearerVerifiesSignatureIssuerAudienceAndExpiry() throws Exception {
    Instant soon = Instant.now().plusSeconds(180);
    assertThat(
            jwtLogin(jwt(keys, JWT_APP, "ops@example.com", "https://login.salesforce.com", soon))
                .status())
        .isEqualTo(200);
    assertThat(
            jwtLogin(jwt(keys, JWT_APP, "ops@example.com", "https://test.salesforce.com", soon))
                .status())
        .isEqualTo(200);
    assertThat(jwtLogin(jwt(keys, JWT_APP, "ops@example.com", emulator.loginUrl(), soon)).status())
        .isEqualTo(200);
    SfHttp.Res badSig =
        jwtLogin(jwt(otherKeys, JWT_APP, "ops@example.com", "https://login.salesforce.com", soon));
    assertThat(badSig.json().get("error").asText()).isEqualTo("invalid_grant");
    SfHttp.Res badAud =
        jwtLogin(jwt(keys, JWT_APP, "ops@example.com", "https://evil.example", soon));
    assertThat(badAud.json().get("error_description").asText())
        .isEqualTo("Audience validation failed");
    SfHttp.Res expired =
        jwtLogin(
            jwt(
                keys,
                JWT_APP,
                "ops@example.com",
                "https://login.salesforce.com",
                Instant.now().minusSeconds(600)));
    assertThat(expired.status()).isEqualTo(400);
    SfHttp.Res badIss =
        jwtLogin(jwt(keys, "unknown-app", "ops@example.com", "https://login.salesforce.com", soon));
    assertThat(badIss.json().get("error").asText()).isEqualTo("invalid_client_id");
    SfHttp.Res badSub =
        jwtLogin(jwt(keys, JWT_APP, "nobody@example.com", "https://login.salesforce.com", soon));
    assertThat(badSub.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(jwtLogin("not-a-jwt").status()).isEqualTo(400);
  }

  /** A JWT whose claims are written as given (nimbus's builder only writes numeric dates). */
  private String jwtWithRawExp(Object exp) throws Exception {
    Map<String, Object> claims = new java.util.LinkedHashMap<>();
    claims.put("iss", JWT_APP);
    claims.put("sub", "ops@example.com");
    claims.put("aud", "https://login.salesforce.com");
    claims.put("exp", exp);
    com.nimbusds.jose.JWSObject jws =
        new com.nimbusds.jose.JWSObject(
            new JWSHeader(JWSAlgorithm.RS256), new com.nimbusds.jose.Payload(claims));
    jws.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    return jws.serialize();
  }

  @Test
  void jwtBearerAcceptsExpAsANumericStringAsSalesforcesOwnExampleSendsIt() throws Exception {
    String future = Long.toString(Instant.now().plusSeconds(180).getEpochSecond());
    SfHttp.Res ok = jwtLogin(jwtWithRawExp(future));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("access_token").asText()).isNotBlank();

    SfHttp.Res past =
        jwtLogin(jwtWithRawExp(Long.toString(Instant.now().minusSeconds(600).getEpochSecond())));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().get("error_description").asText()).isEqualTo("invalid assertion");

    for (Object bad : new Object[] {"tomorrow", "", "1e12", "-5", true}) {
      SfHttp.Res r = jwtLogin(jwtWithRawExp(bad));
      assertThat(r.status()).as("exp %s", bad).isEqualTo(400);
      assertThat(r.json().get("error").asText()).isEqualTo("invalid_grant");
      assertThat(r.json().get("error_description").asText()).isEqualTo("invalid assertion");
    }
  }

  @Test
  void instanceHostAlsoServesTheTokenEndpoint() {
    SfHttp.Res r =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SfHttp.form(passwordForm()))));
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void loginHostRefusesDataCallsSoClientsMustFollowInstanceUrl() {
    http.login();
    SfHttp.Res onLogin = http.get(emulator.loginUrl() + SfHttp.V + "/limits");
    assertThat(onLogin.status()).isEqualTo(404);
    SfHttp.Res versions = http.get(emulator.loginUrl() + "/services/data/");
    assertThat(versions.status()).isEqualTo(200);
  }

  @Test
  void expiredTokenGets401InvalidSessionOnceTheTtlPassesWithoutUse() {
    try (SalesforceEmulator shortLived =
        SalesforceEmulator.builder().tokenTtl(Duration.ofSeconds(1)).start()) {
      SfHttp client = new SfHttp(shortLived).login();
      assertThat(client.get(SfHttp.V + "/limits").status()).isEqualTo(200);
      long deadline = System.currentTimeMillis() + 10_000;
      SfHttp.Res r;
      do {
        // Wait out the TTL without touching the session: it is measured from last use.
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(1200).toNanos());
        r = client.get(SfHttp.V + "/limits");
      } while (r.status() == 200 && System.currentTimeMillis() < deadline);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
      assertThat(r.json().get(0).get("message").asText()).isEqualTo("Session expired or invalid");
    }
  }

  @Test
  void unknownAndRevokedTokensGet401InvalidSession() {
    http.token = "00Dbogus!token";
    assertThat(http.get(SfHttp.V + "/limits").status()).isEqualTo(401);
    http.login();
    assertThat(http.get(SfHttp.V + "/limits").status()).isEqualTo(200);
    http.send(
        HttpRequest.newBuilder(
                URI.create(emulator.instanceUrl() + "/services/oauth2/revoke?token=" + http.token))
            .GET());
    SfHttp.Res r = http.get(SfHttp.V + "/limits");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("INVALID_SESSION_ID");
  }

  @Test
  void oauthSchemeIsAcceptedLikeBearer() {
    http.login();
    SfHttp.Res r =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.instanceUrl() + SfHttp.V + "/sobjects"))
                .header("Authorization", "OAuth " + http.token)
                .GET());
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void expireSessionsInvalidatesEveryIssuedToken() {
    http.login();
    emulator.expireSessions();
    assertThat(http.get(SfHttp.V + "/sobjects").status()).isEqualTo(401);
  }

  @Test
  void missingAuthorizationGets401() {
    SfHttp anonymous = new SfHttp(emulator);
    SfHttp.Res r = anonymous.get(SfHttp.V + "/sobjects");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("INVALID_SESSION_ID");
  }

  @Test
  void identityUrlAnswersWithTheUser() {
    http.login();
    SfHttp.Res t = http.token(passwordForm());
    SfHttp.Res r = http.get(t.json().get("id").asText());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo(SalesforceEmulator.DEMO_USERNAME);
  }
}
