package io.github.sfactions.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * OAuth 2.0 refresh token flow ({@code grant_type=refresh_token}).
 *
 * @param clientId connected app consumer key
 * @param clientSecret connected app consumer secret; may be {@code null} for apps that do not
 *     require it
 * @param refreshToken the long-lived refresh token
 */
public record RefreshTokenFlow(String clientId, String clientSecret, String refreshToken)
    implements AuthFlow {

  public RefreshTokenFlow {
    PasswordFlow.requireText(clientId, "clientId");
    PasswordFlow.requireText(refreshToken, "refreshToken");
  }

  @Override
  public String flowName() {
    return "refresh token";
  }

  @Override
  public String toString() {
    return "RefreshTokenFlow[clientId="
        + clientId
        + (clientSecret == null ? "" : ", clientSecret=***")
        + ", refreshToken=***]";
  }

  @Override
  public List<String> secrets() {
    return Stream.of(refreshToken, clientSecret).filter(Objects::nonNull).toList();
  }
}
