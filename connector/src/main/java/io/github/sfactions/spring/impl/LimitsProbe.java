package io.github.sfactions.spring.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.ApiUsage;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.impl.CallNotifier;
import io.github.sfactions.client.impl.CallSpec;
import io.github.sfactions.client.impl.Json;
import io.github.sfactions.client.impl.RestExecutor;
import io.github.sfactions.client.impl.Session;
import io.github.sfactions.client.impl.TokenClient;
import io.github.sfactions.client.impl.TokenManager;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Reads {@code GET /services/data/vXX.X/limits} for one connection with the client's own token, error and re-login
 * machinery. It keeps its own session (one login, reused until Salesforce answers 401) so that a health check never
 * disturbs the connectors' token.
 */
public final class LimitsProbe implements AutoCloseable {

  private static final String LIMITS_PATH = "/services/data/{version}/limits";

  private final ConnectionSettings settings;
  private final OkHttpClient http;
  private final TokenManager tokens;
  private final RestExecutor rest;

  /** A probe for the connection with these settings. */
  public LimitsProbe(ConnectionSettings settings) {
    this.settings = settings;
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .retryOnConnectionFailure(false)
        // a token must never follow a redirect
        .followRedirects(false)
        .followSslRedirects(false);
    settings.proxy().ifPresent(builder::proxy);
    this.http = builder.build();
    // health checks are not the connectors' traffic: they stay out of the API call metrics
    CallNotifier notifier = new CallNotifier(ApiCallListener.NONE);
    TokenClient tokenClient = new TokenClient(http, settings, notifier, Clock.systemUTC());
    this.tokens = new TokenManager(tokenClient::login);
    this.rest = new RestExecutor(http, tokens, settings.apiVersion(), settings.userAgent(), notifier);
  }

  /** The settings this probe was built for. */
  public ConnectionSettings settings() {
    return settings;
  }

  /**
   * Logs in if needed and reads the org's daily API request limit.
   *
   * @throws io.github.sfactions.client.SalesforceApiException when the login or the call fails
   */
  public Limits read() {
    JsonNode body = rest.execute(CallSpec.json("GET", ApiOperation.GET, null, LIMITS_PATH,
        url -> url.addPathSegment("limits"), null), response -> Json.read(response.body().byteStream()));
    JsonNode daily = body.path("DailyApiRequests");
    if (!daily.path("Max").canConvertToLong() || !daily.path("Remaining").canConvertToLong()) {
      throw new IllegalStateException("The limits answer has no DailyApiRequests Max/Remaining numbers");
    }
    long max = daily.path("Max").asLong();
    long remaining = daily.path("Remaining").asLong();
    String instance = tokens.cached().map(Session::instanceUrl).map(Object::toString).orElse(null);
    return new Limits(new ApiUsage(Math.max(0, max - remaining), max), instance);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /**
   * What a probe found.
   *
   * @param dailyApiRequests used and maximum daily API requests
   * @param instanceUrl the instance URL of the session, e.g. {@code https://acme.my.salesforce.com}
   */
  public record Limits(ApiUsage dailyApiRequests, String instanceUrl) {
  }
}
