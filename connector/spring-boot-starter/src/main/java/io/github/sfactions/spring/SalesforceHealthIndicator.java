package io.github.sfactions.spring;

import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SecretScrubber;
import io.github.sfactions.spring.impl.ApiUsageTracker;
import io.github.sfactions.spring.impl.LimitsProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of every registered Salesforce connection ({@code /actuator/health/salesforce}): per
 * connection it obtains a token and reads {@code GET /limits}. A connection is UP with its
 * remaining daily API requests, DOWN with a readable reason (Salesforce's error code and message,
 * never a secret); the indicator is DOWN when any connection is, UNKNOWN when none is configured.
 *
 * <p>Each check spends one API request, so a connection's result is reused for {@code
 * sfactions.health.cache-time-to-live}. Checks use a {@link
 * io.github.sfactions.client.SalesforceClient} of their own per connection (own session, separate
 * from the connectors' one), which reports to no listener: health checks are not counted in {@link
 * SalesforceMetrics}' call meters, only the usage they read feeds its gauges.
 */
public class SalesforceHealthIndicator implements HealthIndicator, DisposableBean {

  /** Detail: connection status. */
  public static final String STATUS = "status";

  /** Detail: remaining daily API requests. */
  public static final String REMAINING = "dailyApiRequestsRemaining";

  /** Detail: the org's daily API request allocation. */
  public static final String MAX = "dailyApiRequestsMax";

  /** Detail: why the connection is down. */
  public static final String ERROR = "error";

  private final SalesforceConnections connections;
  private final ApiUsageTracker usage;
  private final Duration cacheTimeToLive;
  private final Map<String, LimitsProbe> probes = new ConcurrentHashMap<>();
  private final Map<String, CachedResult> cache = new ConcurrentHashMap<>();

  /**
   * An indicator over every connection of the registry.
   *
   * @param usage receives the usage each check reads (feeds the remaining-requests gauge)
   * @param cacheTimeToLive how long a connection's result is reused; zero checks every time
   */
  public SalesforceHealthIndicator(
      SalesforceConnections connections, ApiUsageTracker usage, Duration cacheTimeToLive) {
    this.connections = connections;
    this.usage = usage;
    this.cacheTimeToLive =
        cacheTimeToLive == null || cacheTimeToLive.isNegative() ? Duration.ZERO : cacheTimeToLive;
  }

  @Override
  public Health health() {
    Map<String, ConnectionSettings> all = connections.allSettings();
    dropRemoved(all);
    if (all.isEmpty()) {
      return Health.unknown().withDetail(ERROR, "No Salesforce connection is configured").build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    boolean down = false;
    for (Map.Entry<String, ConnectionSettings> e : all.entrySet()) {
      Map<String, Object> result = result(e.getKey(), e.getValue());
      down |= Status.DOWN.getCode().equals(result.get(STATUS));
      details.put(e.getKey(), result);
    }
    return Health.status(down ? Status.DOWN : Status.UP).withDetails(details).build();
  }

  private Map<String, Object> result(String name, ConnectionSettings settings) {
    long now = System.nanoTime();
    CachedResult cached = cache.get(name);
    if (cached != null
        && cached.settings == settings
        && now - cached.atNanos < cacheTimeToLive.toNanos()) {
      return cached.details;
    }
    Map<String, Object> details = check(name, settings);
    cache.put(name, new CachedResult(settings, now, details));
    return details;
  }

  private Map<String, Object> check(String name, ConnectionSettings settings) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("loginUrl", settings.loginUrl());
    details.put("authFlow", settings.auth().flowName());
    LimitsProbe probe =
        probes.compute(
            name,
            (n, old) -> {
              if (old != null && old.settings() == settings) {
                return old;
              }
              if (old != null) {
                old.close();
              }
              return new LimitsProbe(settings);
            });
    try {
      LimitsProbe.Limits limits = probe.read();
      usage.report(name, limits.dailyApiRequests());
      details.put(STATUS, Status.UP.getCode());
      details.put("instanceUrl", limits.instanceUrl());
      details.put(REMAINING, limits.dailyApiRequests().remaining());
      details.put(MAX, limits.dailyApiRequests().max());
    } catch (SalesforceApiException e) {
      details.put(STATUS, Status.DOWN.getCode());
      String context = e.context();
      details.put(
          ERROR,
          SecretScrubber.scrub(
              e.getMessage() + (context.isEmpty() ? "" : " [" + context + "]"), settings.auth()));
      if (e.errorCode() != null) {
        details.put("errorCode", e.errorCode());
      }
      details.put("httpStatus", e.status());
    } catch (RuntimeException e) {
      details.put(STATUS, Status.DOWN.getCode());
      details.put(
          ERROR,
          SecretScrubber.scrub(
              e.getClass().getSimpleName() + ": " + e.getMessage(), settings.auth()));
    }
    return details;
  }

  private void dropRemoved(Map<String, ConnectionSettings> current) {
    probes
        .keySet()
        .removeIf(
            name -> {
              if (current.containsKey(name)) {
                return false;
              }
              LimitsProbe gone = probes.get(name);
              if (gone != null) {
                gone.close();
              }
              return true;
            });
    cache.keySet().retainAll(current.keySet());
  }

  /** Closes the HTTP resources of the checks. */
  @Override
  public void destroy() {
    probes.values().forEach(LimitsProbe::close);
    probes.clear();
    cache.clear();
  }

  private record CachedResult(
      ConnectionSettings settings, long atNanos, Map<String, Object> details) {}
}
