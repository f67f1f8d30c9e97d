package io.github.sfactions.emulator.impl.auth;

import io.github.sfactions.emulator.EmulatorConfig;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Configured connected apps by client id. */
public final class ConnectedApps {
  /** A connected app with its resolved JWT key and run-as user. */
  public record App(
      String clientId,
      String clientSecret,
      PublicKey jwtKey,
      String runAsUsername,
      boolean rotateRefreshTokens) {}

  private final Map<String, App> apps = new LinkedHashMap<>();

  public ConnectedApps(
      Collection<EmulatorConfig.ConnectedApp> configured, Map<String, PublicKey> extraKeys) {
    for (EmulatorConfig.ConnectedApp c : configured) {
      if (c.clientId() == null || c.clientSecret() == null) {
        throw new IllegalArgumentException("Every connected app needs clientId and clientSecret");
      }
      PublicKey key = extraKeys.get(c.clientId());
      if (key == null && c.jwtPublicKeyPem() != null) {
        key = parsePem(c.clientId(), c.jwtPublicKeyPem());
      }
      apps.put(
          c.clientId(),
          new App(
              c.clientId(),
              c.clientSecret(),
              key,
              c.runAsUsername(),
              Boolean.TRUE.equals(c.rotateRefreshTokens())));
    }
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("The org needs at least one connected app");
    }
  }

  /**
   * An RSA public key from a PEM {@code PUBLIC KEY} block or the key of a PEM X.509 {@code
   * CERTIFICATE}.
   */
  private static PublicKey parsePem(String clientId, String pem) {
    try {
      boolean certificate = pem.contains("BEGIN CERTIFICATE");
      if (!certificate && !pem.contains("BEGIN PUBLIC KEY")) {
        throw new IllegalArgumentException("no PEM block");
      }
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      PublicKey key =
          certificate
              ? CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der))
                  .getPublicKey()
              : KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      if (!"RSA".equals(key.getAlgorithm())) {
        throw new IllegalArgumentException("not an RSA key");
      }
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Connected app "
              + clientId
              + ": jwtPublicKeyPem is not an RSA public key or certificate in PEM form",
          e);
    }
  }

  public Optional<App> byClientId(String clientId) {
    return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
  }

  public App defaultApp() {
    return apps.values().iterator().next();
  }
}
