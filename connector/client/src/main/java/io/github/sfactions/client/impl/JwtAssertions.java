package io.github.sfactions.client.impl;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/** Builds the signed assertion of the JWT bearer flow. */
public final class JwtAssertions {

  /** Salesforce wants {@code exp} within 3 minutes. */
  public static final Duration LIFETIME = Duration.ofMinutes(3);

  private JwtAssertions() {}

  /**
   * The audience: the flow's own, else test.salesforce.com for sandbox login URLs, else
   * login.salesforce.com.
   */
  public static String audience(JwtBearerFlow flow, String loginUrl) {
    if (flow.audience() != null) {
      return flow.audience();
    }
    return InstanceUrlRules.isSandboxLoginUrl(loginUrl)
        ? ConnectionSettings.SANDBOX_LOGIN_URL
        : ConnectionSettings.PRODUCTION_LOGIN_URL;
  }

  /** The compact RS256 JWS: header {@code {"alg":"RS256"}}, claims iss, sub, aud, exp. */
  public static String create(JwtBearerFlow flow, String loginUrl, Clock clock) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(flow.clientId())
            .subject(flow.username())
            .audience(audience(flow, loginUrl))
            .expirationTime(Date.from(clock.instant().plus(LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(flow.privateKey()));
    } catch (JOSEException e) {
      // The message of a signing failure names the key problem, never key material.
      throw new IllegalArgumentException(
          "Cannot sign the JWT bearer assertion: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
