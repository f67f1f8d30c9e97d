package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.spring.InvalidSalesforcePropertiesException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sfactions.bulk.*}: the durable queue of batched deliveries, the bulk ingest process and
 * the micro-batch collector ({@code sfactions.bulk.micro-batch.*}) in a Spring Boot application.
 * Unset values keep {@link BulkIngestPlugin}'s defaults; the plugin's rules check every value, and
 * a wrong one is reported under its property name.
 */
@ConfigurationProperties(prefix = BulkIngestProperties.PREFIX)
public class BulkIngestProperties {

  /** Prefix of these properties. */
  public static final String PREFIX = "sfactions.bulk";

  /** Whether the bulk queue and its ingest process are installed into the engine. */
  private boolean enabled = true;

  /** Most records per Bulk API job (default 5000). */
  private Integer batchSize;

  /** Most bytes of CSV per upload (default 100 MB). */
  private Long maxCsvBytes;

  /** Period of the flush timer that sends partly filled batches (default 30s). */
  private Duration flushInterval;

  /**
   * Longest wait of a record for its batch to fill while records keep arriving (default four flush
   * intervals).
   */
  private Duration maxBatchWait;

  /** Wait between two job state polls (default 10s). */
  private Duration pollInterval;

  /** Wait before the first poll of a closed job (default 1s, at most poll-interval). */
  private Duration firstPollInterval;

  /** Longest wait for a closed job before it is aborted and its records fail (default 1h). */
  private Duration maxWait;

  /** Age after which an abandoned claim is released (default 3h; must exceed max-wait). */
  private Duration claimTimeout;

  /** Outcomes delivered to waiting instances per transaction (default 500). */
  private Integer reportChunkSize;

  /** Jobs tried per batch when uploads fail (default 3). */
  private Integer maxUploadAttempts;

  /** The micro-batch collector ({@code delivery=microBatch}). */
  private final MicroBatch microBatch = new MicroBatch();

  /**
   * The plugin these properties describe.
   *
   * @throws InvalidSalesforcePropertiesException naming each property with a wrong value
   */
  public BulkIngestPlugin toPlugin() {
    List<String> problems = new ArrayList<>();
    BulkIngestPlugin plugin = configure(problems);
    if (!problems.isEmpty()) {
      throw new InvalidSalesforcePropertiesException(problems);
    }
    return plugin;
  }

  /** One sentence per wrong value, each naming its property; empty when the plugin can be built. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    configure(problems);
    return problems;
  }

  // each value goes through the plugin's own setter, so its rule lives there once
  private BulkIngestPlugin configure(List<String> problems) {
    BulkIngestPlugin plugin = new BulkIngestPlugin();
    Setter set = new Setter(problems);
    set.apply("batch-size", batchSize, plugin::setBatchSize);
    set.apply("max-csv-bytes", maxCsvBytes, plugin::setMaxCsvBytes);
    set.apply("flush-interval", text(flushInterval), plugin::setFlushInterval);
    set.apply("max-batch-wait", text(maxBatchWait), plugin::setMaxBatchWait);
    set.apply("poll-interval", text(pollInterval), plugin::setPollInterval);
    set.apply("first-poll-interval", text(firstPollInterval), plugin::setFirstPollInterval);
    set.apply("max-wait", text(maxWait), plugin::setMaxWait);
    set.apply("claim-timeout", text(claimTimeout), plugin::setClaimTimeout);
    set.apply("report-chunk-size", reportChunkSize, plugin::setReportChunkSize);
    set.apply("max-upload-attempts", maxUploadAttempts, plugin::setMaxUploadAttempts);
    set.apply(
        MicroBatch.PREFIX + "max-records", microBatch.maxRecords, plugin::setMicroBatchMaxRecords);
    set.apply(
        MicroBatch.PREFIX + "max-delay", text(microBatch.maxDelay), plugin::setMicroBatchMaxDelay);
    set.apply(
        MicroBatch.PREFIX + "sweep-interval",
        text(microBatch.sweepInterval),
        plugin::setMicroBatchSweepInterval);
    if (problems.isEmpty()) {
      // the bulk values' rules (ranges, claim-timeout above max-wait) apply to all of them at once
      set.together(plugin::settings);
    }
    return plugin;
  }

  private static String text(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  /** Applies set values and notes each rejected one under its property name. */
  private record Setter(List<String> problems) {

    <T> void apply(String property, T value, Consumer<T> setter) {
      if (value == null) {
        return;
      }
      try {
        setter.accept(value);
      } catch (IllegalArgumentException e) {
        problems.add(PREFIX + "." + property + " is invalid: " + e.getMessage());
      }
    }

    /**
     * Checks the rules the plugin applies to all values at once (ranges of the bulk values and
     * between them); the message names the plugin's property, e.g. batchSize for batch-size.
     */
    void together(Runnable check) {
      try {
        check.run();
      } catch (IllegalArgumentException e) {
        problems.add(PREFIX + ".* are invalid: " + e.getMessage());
      }
    }
  }

  public MicroBatch getMicroBatch() {
    return microBatch;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Long getMaxCsvBytes() {
    return maxCsvBytes;
  }

  public void setMaxCsvBytes(Long maxCsvBytes) {
    this.maxCsvBytes = maxCsvBytes;
  }

  public Duration getFlushInterval() {
    return flushInterval;
  }

  public void setFlushInterval(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  public Duration getMaxBatchWait() {
    return maxBatchWait;
  }

  public void setMaxBatchWait(Duration maxBatchWait) {
    this.maxBatchWait = maxBatchWait;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getFirstPollInterval() {
    return firstPollInterval;
  }

  public void setFirstPollInterval(Duration firstPollInterval) {
    this.firstPollInterval = firstPollInterval;
  }

  public Duration getMaxWait() {
    return maxWait;
  }

  public void setMaxWait(Duration maxWait) {
    this.maxWait = maxWait;
  }

  public Duration getClaimTimeout() {
    return claimTimeout;
  }

  public void setClaimTimeout(Duration claimTimeout) {
    this.claimTimeout = claimTimeout;
  }

  public Integer getReportChunkSize() {
    return reportChunkSize;
  }

  public void setReportChunkSize(Integer reportChunkSize) {
    this.reportChunkSize = reportChunkSize;
  }

  public Integer getMaxUploadAttempts() {
    return maxUploadAttempts;
  }

  public void setMaxUploadAttempts(Integer maxUploadAttempts) {
    this.maxUploadAttempts = maxUploadAttempts;
  }

  /**
   * {@code sfactions.bulk.micro-batch.*}: how the micro-batch collector groups records. Unset
   * values keep {@link MicroBatchSettings}'s defaults.
   */
  public static class MicroBatch {

    static final String PREFIX = "micro-batch.";

    /**
     * Most records per flush, 1 to 200 (one sObject Collections call per kind of write; default
     * 200).
     */
    private Integer maxRecords;

    /**
     * Longest wait of a record for its group to fill before the group is sent anyway (at most 1m;
     * default 1s).
     */
    private Duration maxDelay;

    /**
     * Period of the sweep that sends records whose trigger a stopped node left behind (at least 1s;
     * default 30s).
     */
    private Duration sweepInterval;

    public Integer getMaxRecords() {
      return maxRecords;
    }

    public void setMaxRecords(Integer maxRecords) {
      this.maxRecords = maxRecords;
    }

    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public Duration getSweepInterval() {
      return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
      this.sweepInterval = sweepInterval;
    }
  }
}
