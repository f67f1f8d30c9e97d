package io.github.sfactions.client.impl;

import okhttp3.HttpUrl;

/**
 * An access token and the instance it is valid for.
 *
 * @param accessToken the bearer token (never printed)
 * @param instanceUrl validated root URL of the org's instance
 * @param identityUrl the {@code id} of the token response (may be null)
 */
public record Session(String accessToken, HttpUrl instanceUrl, String identityUrl) {

  @Override
  public String toString() {
    return "Session[instanceUrl=" + instanceUrl + ", accessToken=***]";
  }
}
