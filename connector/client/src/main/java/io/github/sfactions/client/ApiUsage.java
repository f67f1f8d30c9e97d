package io.github.sfactions.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API usage as reported in the {@code Sforce-Limit-Info: api-usage=USED/MAX}
 * response header.
 *
 * @param used requests used in the rolling 24 h window
 * @param max the org's allocation
 */
public record ApiUsage(long used, long max) {

  /** Name of the response header. */
  public static final String HEADER = "Sforce-Limit-Info";

  private static final Pattern API_USAGE =
      Pattern.compile("(?:^|[,;\\s])api-usage\\s*=\\s*(\\d+)\\s*/\\s*(\\d+)");

  /** Requests left before Salesforce answers 403 {@code REQUEST_LIMIT_EXCEEDED}. */
  public long remaining() {
    return Math.max(0, max - used);
  }

  /** Share of the allocation used, 0.0 .. 1.0 (1.0 when max is 0). */
  public double fractionUsed() {
    return max <= 0 ? 1.0 : Math.min(1.0, (double) used / max);
  }

  /** Parses a header value such as {@code api-usage=18/15000} (other entries are ignored). */
  public static Optional<ApiUsage> parse(String headerValue) {
    if (headerValue == null) {
      return Optional.empty();
    }
    Matcher m = API_USAGE.matcher(headerValue);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }
}
