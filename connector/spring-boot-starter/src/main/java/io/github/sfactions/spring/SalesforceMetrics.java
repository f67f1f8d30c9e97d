package io.github.sfactions.spring;

import io.github.sfactions.camunda.ConnectionCallListener;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiUsage;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.spring.impl.ApiUsageTracker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.DisposableBean;

/**
 * Micrometer metrics of the Salesforce connectors, fed by every API call of every connection:
 *
 * <ul>
 *   <li>{@value #CALLS} (counter) and {@value #CALL_DURATION} (timer), tagged {@code connection}
 *       (the registered name of the connection that made the call), {@code object} ({@value #NONE}
 *       for calls without one, e.g. query), {@code operation} ({@code create}, {@code query},
 *       {@code bulk_upload}, {@code token}, ...) and {@code outcome} ({@code SUCCESS}, {@code
 *       REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code IO_ERROR});
 *   <li>{@value #REMAINING} and {@value #MAX} (gauges), tagged {@code connection}: the org's daily
 *       API requests left and allowed, from the {@code Sforce-Limit-Info} header of the latest call
 *       or the health check's {@code /limits} answer.
 * </ul>
 *
 * <p>Health checks use clients of their own and are not counted here (see {@link
 * SalesforceHealthIndicator}).
 */
public class SalesforceMetrics implements MeterBinder, DisposableBean {

  /** Counter of API calls. */
  public static final String CALLS = "salesforce.api.calls";

  /** Timer of API calls. */
  public static final String CALL_DURATION = "salesforce.api.call.duration";

  /** Gauge of remaining daily API requests. */
  public static final String REMAINING = "salesforce.api.requests.remaining";

  /** Gauge of the daily API request allocation. */
  public static final String MAX = "salesforce.api.requests.max";

  /** Tag value for calls not about one object. */
  public static final String NONE = "none";

  private final SalesforceConnections connections;
  private final ApiUsageTracker usage;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();
  private final ConnectionCallListener listener = this::record;

  /** Metrics over every connection of the registry. */
  public SalesforceMetrics(SalesforceConnections connections, ApiUsageTracker usage) {
    this.connections = connections;
    this.usage = usage;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (registries.isEmpty()) {
      connections.addCallListener(listener);
    }
    registries.add(registry);
    connections.names().forEach(name -> gauges(registry, name));
  }

  /** Records one call made by the named connection. */
  public void record(String connection, ApiCall call) {
    if (!gauged.contains(connection)) {
      // a connection registered after binding gets its gauges with its first call
      registries.forEach(r -> gauges(r, connection));
    }
    Tags tags =
        Tags.of(
            "connection",
            connection,
            "object",
            call.sobject() == null ? NONE : call.sobject(),
            "operation",
            call.operation() == null ? NONE : call.operation().name().toLowerCase(Locale.ROOT),
            "outcome",
            outcome(call.status()));
    for (MeterRegistry registry : registries) {
      Counter.builder(CALLS)
          .description("Salesforce API calls")
          .tags(tags)
          .register(registry)
          .increment();
      Timer.builder(CALL_DURATION)
          .description("Duration of Salesforce API calls")
          .tags(tags)
          .register(registry)
          .record(call.durationNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void gauges(MeterRegistry registry, String name) {
    gauged.add(name);
    gauge(registry, REMAINING, "Daily Salesforce API requests left", name, ApiUsage::remaining);
    gauge(registry, MAX, "Daily Salesforce API request allocation", name, ApiUsage::max);
  }

  private void gauge(
      MeterRegistry registry,
      String metric,
      String description,
      String name,
      ToDoubleFunction<ApiUsage> value) {
    Gauge.builder(metric, usage, u -> u.usage(name).map(value::applyAsDouble).orElse(Double.NaN))
        .description(description)
        .tag("connection", name)
        .strongReference(true)
        .register(registry);
  }

  static String outcome(int status) {
    if (status == SalesforceApiException.NO_RESPONSE) {
      return "IO_ERROR";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }

  /** Stops listening to the connections' calls. */
  @Override
  public void destroy() {
    connections.removeCallListener(listener);
    registries.clear();
  }
}
