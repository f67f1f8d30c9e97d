package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.sfactions.client.JwtBearerFlow;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtAssertionsTest {

  private static KeyPair keys;
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    keys = gen.generateKeyPair();
  }

  @Test
  void signsRs256WithSalesforceClaims() throws Exception {
    JwtBearerFlow flow = new JwtBearerFlow("consumer-key", "user@acme.com", keys.getPrivate());
    SignedJWT jwt =
        SignedJWT.parse(JwtAssertions.create(flow, "https://login.salesforce.com", CLOCK));
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("consumer-key");
    assertThat(claims.getSubject()).isEqualTo("user@acme.com");
    assertThat(claims.getAudience()).containsExactly("https://login.salesforce.com");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(180));
  }

  @Test
  void derivesTheAudienceFromTheLoginUrl() throws Exception {
    JwtBearerFlow flow = new JwtBearerFlow("c", "u", keys.getPrivate());
    assertThat(JwtAssertions.audience(flow, "https://test.salesforce.com"))
        .isEqualTo("https://test.salesforce.com");
    assertThat(JwtAssertions.audience(flow, "https://acme--uat.sandbox.my.salesforce.com"))
        .isEqualTo("https://test.salesforce.com");
    assertThat(JwtAssertions.audience(flow, "https://acme.my.salesforce.com"))
        .isEqualTo("https://login.salesforce.com");
    JwtBearerFlow community =
        new JwtBearerFlow("c", "u", keys.getPrivate(), "https://acme.my.site.com");
    SignedJWT jwt =
        SignedJWT.parse(JwtAssertions.create(community, "https://acme.my.salesforce.com", CLOCK));
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://acme.my.site.com");
  }
}
