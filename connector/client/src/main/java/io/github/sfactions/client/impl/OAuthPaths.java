package io.github.sfactions.client.impl;

/** Paths of the OAuth endpoints. */
final class OAuthPaths {
  static final String TOKEN = "/services/oauth2/token";

  private OAuthPaths() {}
}
