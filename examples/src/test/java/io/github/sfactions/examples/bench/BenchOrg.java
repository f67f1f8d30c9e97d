package io.github.sfactions.examples.bench;

import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.List;

/**
 * The emulated org a scenario writes to, on loopback: every answer delayed by the benchmark's
 * latency, no daily API limit, and the API calls it counted (as Salesforce counts them: token
 * requests are not API calls).
 */
public final class BenchOrg implements AutoCloseable {

  /** The Lead's external id field of the {@code native-upsert} scenario. */
  public static final String EXTERNAL_ID_FIELD = "Ext__c";

  private final SalesforceEmulator emulator;
  private final int latencyMs;
  private final boolean owned;

  private BenchOrg(SalesforceEmulator emulator, int latencyMs, boolean owned) {
    this.emulator = emulator;
    this.latencyMs = latencyMs;
    this.owned = owned;
  }

  /**
   * A new emulator: the demo org plus the Lead's external id field, a small request log and no
   * daily limit.
   */
  public static BenchOrg start(int latencyMs) {
    EmulatorConfig config =
        EmulatorConfig.defaults()
            .withDailyApiLimit(Long.MAX_VALUE)
            .withRequestLog(new EmulatorConfig.RequestLog(100, 256))
            .withObject(
                new EmulatorConfig.SObject(
                    "Lead", List.of(EmulatorConfig.Field.externalId(EXTERNAL_ID_FIELD))));
    return new BenchOrg(SalesforceEmulator.builder().config(config).start(), latencyMs, true)
        .reset();
  }

  /** An emulator someone else started and closes (the examples app's). */
  public static BenchOrg of(SalesforceEmulator emulator, int latencyMs) {
    return new BenchOrg(emulator, latencyMs, false).reset();
  }

  public SalesforceEmulator emulator() {
    return emulator;
  }

  /** No records, counters at zero, the latency and no daily limit. */
  public BenchOrg reset() {
    emulator.reset();
    emulator.faults().dailyApiLimit(Long.MAX_VALUE);
    if (latencyMs > 0) {
      emulator.faults().latency(Duration.ofMillis(latencyMs));
    }
    return this;
  }

  /** API calls since the last reset. */
  public long apiCalls() {
    return emulator.stats().totalApiCalls();
  }

  /** Leads in the org. */
  public int leads() {
    return emulator.records("Lead").size();
  }

  @Override
  public void close() {
    if (owned) {
      emulator.close();
    }
  }
}
