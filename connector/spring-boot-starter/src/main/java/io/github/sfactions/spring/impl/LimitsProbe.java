package io.github.sfactions.spring.impl;

import io.github.sfactions.client.ApiUsage;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.OrgLimits;
import io.github.sfactions.client.SalesforceClient;

/**
 * Reads {@code GET /limits} for one connection through a {@link SalesforceClient} of its own, kept
 * for as long as the connection's settings stay the same. Its own client means its own session (one
 * login, reused until Salesforce answers 401), so a health check never disturbs the connectors'
 * token; and as the client has no listener, health checks stay out of the API call metrics and the
 * per-action call counts.
 */
public final class LimitsProbe implements AutoCloseable {

  private final SalesforceClient client;

  /** A probe for the connection with these settings. */
  public LimitsProbe(ConnectionSettings settings) {
    this.client = SalesforceClient.create(settings);
  }

  /** The settings this probe was built for. */
  public ConnectionSettings settings() {
    return client.settings();
  }

  /**
   * Logs in if needed and reads the org's daily API request limit.
   *
   * @throws io.github.sfactions.client.SalesforceApiException when the login or the call fails
   * @throws IllegalStateException when the answer has no {@code DailyApiRequests} limit
   */
  public Limits read() {
    ApiUsage daily =
        client
            .limits()
            .dailyApiUsage()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The limits answer has no "
                            + OrgLimits.DAILY_API_REQUESTS
                            + " Max/Remaining numbers"));
    return new Limits(daily, client.instanceUrl().orElse(null));
  }

  @Override
  public void close() {
    client.close();
  }

  /**
   * What a probe found.
   *
   * @param dailyApiRequests used and maximum daily API requests
   * @param instanceUrl the instance URL of the session, e.g. {@code https://acme.my.salesforce.com}
   */
  public record Limits(ApiUsage dailyApiRequests, String instanceUrl) {}
}
