package io.github.sfactions.client;

import java.util.List;

/**
 * How the client obtains an access token from the Salesforce OAuth 2.0 token endpoint.
 *
 * <p>Implementations are records whose {@code toString()} never prints a secret, so settings can be
 * logged safely.
 */
public sealed interface AuthFlow
    permits PasswordFlow, RefreshTokenFlow, ClientCredentialsFlow, JwtBearerFlow {

  /** Human-readable flow name used in error messages, e.g. {@code "JWT bearer"}. */
  String flowName();

  /** The connected app's consumer key (OAuth {@code client_id}). */
  String clientId();

  /**
   * The secret values this flow sends (client secret, password, tokens), for {@link
   * SecretScrubber}: no message may carry one of them.
   */
  List<String> secrets();
}
