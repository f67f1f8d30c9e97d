package io.github.sfactions.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * OAuth 2.0 username-password flow ({@code grant_type=password}). The security token, when present,
 * is appended to the password as Salesforce requires.
 *
 * @param clientId connected app consumer key
 * @param clientSecret connected app consumer secret
 * @param username Salesforce username
 * @param password the user's password
 * @param securityToken the user's security token; {@code null} or empty when the caller's IP is
 *     trusted
 */
public record PasswordFlow(
    String clientId, String clientSecret, String username, String password, String securityToken)
    implements AuthFlow {

  public PasswordFlow {
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requireText(username, "username");
    Objects.requireNonNull(password, "password");
    securityToken = securityToken == null ? "" : securityToken;
  }

  /**
   * The value sent as the {@code password} form field: password immediately followed by the
   * security token.
   */
  public String passwordWithSecurityToken() {
    return password + securityToken;
  }

  @Override
  public String flowName() {
    return "username-password";
  }

  @Override
  public String toString() {
    return "PasswordFlow[clientId="
        + clientId
        + ", username="
        + username
        + ", clientSecret=***, password=***"
        + (securityToken.isEmpty() ? "" : ", securityToken=***")
        + "]";
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /**
   * The combined form first: it contains the password, which would otherwise be masked only in
   * part.
   */
  @Override
  public List<String> secrets() {
    return Stream.of(passwordWithSecurityToken(), clientSecret, password, securityToken)
        .filter(Objects::nonNull)
        .toList();
  }
}
