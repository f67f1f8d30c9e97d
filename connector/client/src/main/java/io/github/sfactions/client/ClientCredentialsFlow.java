package io.github.sfactions.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * OAuth 2.0 client credentials flow ({@code grant_type=client_credentials}). Salesforce only
 * accepts it on the org's My Domain login URL; the connected app's "Run As" user performs the
 * calls.
 *
 * @param clientId connected app consumer key
 * @param clientSecret connected app consumer secret
 */
public record ClientCredentialsFlow(String clientId, String clientSecret) implements AuthFlow {

  public ClientCredentialsFlow {
    PasswordFlow.requireText(clientId, "clientId");
    PasswordFlow.requireText(clientSecret, "clientSecret");
  }

  @Override
  public String flowName() {
    return "client credentials";
  }

  @Override
  public String toString() {
    return "ClientCredentialsFlow[clientId=" + clientId + ", clientSecret=***]";
  }

  @Override
  public List<String> secrets() {
    return Stream.of(clientSecret).filter(Objects::nonNull).toList();
  }
}
