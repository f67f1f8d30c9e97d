package io.github.sfactions.spring.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Segment-compatible event intake, bound from {@code sfactions.intake.*}.
 *
 * <pre>{@code
 * sfactions:
 *   intake:
 *     enabled: true
 *     write-key: ${SEGMENT_WRITE_KEY}
 * }</pre>
 */
@ConfigurationProperties(prefix = SegmentIntakeProperties.PREFIX)
public class SegmentIntakeProperties {

  /** Prefix of every property. */
  public static final String PREFIX = "sfactions.intake";

  /**
   * Serve the intake endpoints (POST {path}/identify, /track, /group, /page, /screen, /alias,
   * /batch, /replay).
   */
  private boolean enabled;

  /**
   * The write key senders authenticate with (the user name of HTTP Basic authentication, empty
   * password). Required when the intake is enabled; give it as an environment variable, never in a
   * committed file.
   */
  private String writeKey;

  /** Path prefix of the endpoints. */
  private String path = "/v1";

  /**
   * Largest accepted event, as Segment's HTTP Tracking API (32 KB); a larger one is answered 413.
   */
  private DataSize maxEventSize = DataSize.ofKilobytes(32);

  /**
   * Largest accepted batch request body, as Segment's HTTP Tracking API (500 KB); larger is
   * answered 413.
   */
  private DataSize maxBatchSize = DataSize.ofKilobytes(500);

  /**
   * An event whose messageId started a process within this window is a duplicate and ignored (a
   * sender's retry). Segment de-duplicates over 24 hours.
   */
  private Duration dedupeWindow = Duration.ofHours(24);

  /** Events per transaction when a JSON-lines file is replayed. */
  private int replayBatchSize = 100;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getWriteKey() {
    return writeKey;
  }

  public void setWriteKey(String writeKey) {
    this.writeKey = writeKey;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public DataSize getMaxEventSize() {
    return maxEventSize;
  }

  public void setMaxEventSize(DataSize maxEventSize) {
    this.maxEventSize = maxEventSize;
  }

  public DataSize getMaxBatchSize() {
    return maxBatchSize;
  }

  public void setMaxBatchSize(DataSize maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  public Duration getDedupeWindow() {
    return dedupeWindow;
  }

  public void setDedupeWindow(Duration dedupeWindow) {
    this.dedupeWindow = dedupeWindow;
  }

  public int getReplayBatchSize() {
    return replayBatchSize;
  }

  public void setReplayBatchSize(int replayBatchSize) {
    this.replayBatchSize = replayBatchSize;
  }

  /**
   * What makes these settings unusable for an enabled intake, one sentence per problem naming its
   * property (checked when the endpoints are registered; an application can ask earlier to report
   * all its settings at once).
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    String p = PREFIX + ".";
    if (writeKey == null || writeKey.isBlank()) {
      problems.add(
          p
              + "write-key is required when "
              + p
              + "enabled=true (e.g. the environment variable "
              + "SFACTIONS_INTAKE_WRITEKEY)");
    }
    if (path == null || !path.startsWith("/") || path.length() < 2) {
      problems.add(p + "path must start with / and name a path, e.g. /v1");
    }
    if (maxEventSize.toBytes() < 1 || maxBatchSize.toBytes() < 1) {
      problems.add(p + "max-event-size and " + p + "max-batch-size must be positive");
    }
    if (replayBatchSize < 1) {
      problems.add(p + "replay-batch-size must be at least 1");
    }
    if (dedupeWindow == null || dedupeWindow.isNegative()) {
      problems.add(p + "dedupe-window must not be negative");
    }
    return problems;
  }

  @Override
  public String toString() {
    // the write key is a secret: never part of the text
    return "SegmentIntakeProperties[enabled="
        + enabled
        + ", writeKey="
        + (writeKey == null ? "unset" : "***")
        + ", path="
        + path
        + ", maxEventSize="
        + maxEventSize
        + ", maxBatchSize="
        + maxBatchSize
        + ", dedupeWindow="
        + dedupeWindow
        + ", replayBatchSize="
        + replayBatchSize
        + "]";
  }
}
