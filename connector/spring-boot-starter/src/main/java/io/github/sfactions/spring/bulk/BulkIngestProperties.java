package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sfactions.bulk.*}: the durable bulk queue and the bulk ingest process in a Spring Boot
 * application. Unset values keep {@link BulkIngestPlugin}'s defaults.
 */
@ConfigurationProperties(prefix = "sfactions.bulk")
public class BulkIngestProperties {

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

  /** The plugin these properties describe. */
  public BulkIngestPlugin toPlugin() {
    BulkIngestPlugin plugin = new BulkIngestPlugin();
    if (batchSize != null) {
      plugin.setBatchSize(batchSize);
    }
    if (maxCsvBytes != null) {
      plugin.setMaxCsvBytes(maxCsvBytes);
    }
    if (flushInterval != null) {
      plugin.setFlushInterval(flushInterval.toString());
    }
    if (maxBatchWait != null) {
      plugin.setMaxBatchWait(maxBatchWait.toString());
    }
    if (pollInterval != null) {
      plugin.setPollInterval(pollInterval.toString());
    }
    if (firstPollInterval != null) {
      plugin.setFirstPollInterval(firstPollInterval.toString());
    }
    if (maxWait != null) {
      plugin.setMaxWait(maxWait.toString());
    }
    if (claimTimeout != null) {
      plugin.setClaimTimeout(claimTimeout.toString());
    }
    if (reportChunkSize != null) {
      plugin.setReportChunkSize(reportChunkSize);
    }
    if (maxUploadAttempts != null) {
      plugin.setMaxUploadAttempts(maxUploadAttempts);
    }
    return plugin;
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
}
