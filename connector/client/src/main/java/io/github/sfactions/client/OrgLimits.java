package io.github.sfactions.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The org's limits as {@code GET /limits} reports them (e.g. {@code DailyApiRequests}, {@code
 * DailyBulkV2QueryJobs}).
 *
 * @param limits limit name to its max and remaining values, in Salesforce's order
 */
public record OrgLimits(Map<String, Limit> limits) {

  /** Name of the daily API request allocation. */
  public static final String DAILY_API_REQUESTS = "DailyApiRequests";

  public OrgLimits {
    limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
  }

  /**
   * One limit.
   *
   * @param name e.g. {@code DailyApiRequests}
   * @param max the allocation
   * @param remaining what is left
   */
  public record Limit(String name, long max, long remaining) {

    public long used() {
      return Math.max(0, max - remaining);
    }
  }

  public Optional<Limit> limit(String name) {
    return Optional.ofNullable(limits.get(name));
  }

  /** {@code DailyApiRequests} as an {@link ApiUsage}, if reported. */
  public Optional<ApiUsage> dailyApiUsage() {
    return limit(DAILY_API_REQUESTS).map(l -> new ApiUsage(l.used(), l.max()));
  }
}
