package io.github.sfactions.bpmn.bulk;

/**
 * The settings as the bulk ingest diagram reads them in expressions, e.g. the timer start event's
 * {@code ${sfactionsBulkIngest.flushCycle}}. Registered as the engine bean {@value
 * BulkIngestVariables#SETTINGS_BEAN} by {@link BulkIngestPlugin}.
 */
public final class BulkIngestExpressions {

  private final BulkIngestSettings settings;

  /** Expressions over these settings. */
  public BulkIngestExpressions(BulkIngestSettings settings) {
    this.settings = settings;
  }

  /** The flush timer's cycle, {@code R/<flushInterval>}. */
  public String getFlushCycle() {
    return settings.flushCycle();
  }

  /** The poll timer's duration. */
  public String getPollInterval() {
    return settings.pollInterval().toString();
  }
}
