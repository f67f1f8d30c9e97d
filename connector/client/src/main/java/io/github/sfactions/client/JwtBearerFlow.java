package io.github.sfactions.client;

import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

/**
 * OAuth 2.0 JWT bearer flow ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}). The
 * client signs an RS256 assertion with {@code privateKey}: {@code iss} = client id, {@code sub} =
 * username, {@code aud} = audience, {@code exp} = now + 3 minutes.
 *
 * @param clientId connected app consumer key
 * @param username the Salesforce user the token is issued for
 * @param privateKey RSA private key matching the certificate uploaded to the connected app
 * @param audience {@code https://login.salesforce.com} or {@code https://test.salesforce.com} (or a
 *     community URL); {@code null} derives it from the login URL (test.salesforce.com for sandbox
 *     login URLs)
 */
public record JwtBearerFlow(
    String clientId, String username, PrivateKey privateKey, String audience) implements AuthFlow {

  public JwtBearerFlow {
    PasswordFlow.requireText(clientId, "clientId");
    PasswordFlow.requireText(username, "username");
    Objects.requireNonNull(privateKey, "privateKey");
    if (!"RSA".equals(privateKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "JWT bearer flow needs an RSA private key, got " + privateKey.getAlgorithm());
    }
    if (audience != null && audience.isBlank()) {
      audience = null;
    }
  }

  /** A flow whose audience is derived from the login URL. */
  public JwtBearerFlow(String clientId, String username, PrivateKey privateKey) {
    this(clientId, username, privateKey, null);
  }

  @Override
  public String flowName() {
    return "JWT bearer";
  }

  @Override
  public String toString() {
    return "JwtBearerFlow[clientId="
        + clientId
        + ", username="
        + username
        + ", privateKey=***"
        + (audience == null ? "" : ", audience=" + audience)
        + "]";
  }

  /**
   * None as text: the private key never leaves the JVM; each signed assertion is a secret of its
   * own login.
   */
  @Override
  public List<String> secrets() {
    return List.of();
  }
}
