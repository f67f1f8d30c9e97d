package io.github.sfactions.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the demo app, bound from {@code examples.*}. */
@ConfigurationProperties(prefix = "examples")
public class ExamplesProperties {

  /** Directory of the H2 database and the emulated org's records (created when missing). */
  private Path dataDir = Path.of("data");

  /** The in-process Salesforce emulator. */
  private final Emulator emulator = new Emulator();

  /** The bulk queue and ingest process. */
  private final Bulk bulk = new Bulk();

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public Emulator getEmulator() {
    return emulator;
  }

  public Bulk getBulk() {
    return bulk;
  }

  /** Settings of the bulk ingest process (Bulk API 2.0 jobs built from queued records). */
  public static class Bulk {

    /** Most records per Bulk API job. */
    private int batchSize = 5000;

    /** How often the ingest process looks for queued records. */
    private Duration flushInterval = Duration.ofSeconds(10);

    /** Wait between two polls of a running job's state. */
    private Duration pollInterval = Duration.ofSeconds(2);

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
      this.flushInterval = flushInterval;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }
  }

  /** The emulated org used when no real org is configured. */
  public static class Emulator {

    /**
     * true: always start it; false: never; unset: start it when no {@code sfactions.connections.*} names a real
     * org.
     */
    private Boolean enabled;

    /** Login port (the instance port is the next one); 0 picks free ports. */
    private int port = 8443;

    /** Keep the org's records in {@code <data-dir>/salesforce-org.json} across restarts. */
    private boolean persistent = true;

    /**
     * Start the org with two Leads that share the e-mail {@value EmulatedOrgConfiguration#DUPLICATE_EMAIL}, so the
     * sample identify event for that address takes the "several records match" (300) branch.
     */
    private boolean seedDuplicateLeads = true;

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }

    public boolean isSeedDuplicateLeads() {
      return seedDuplicateLeads;
    }

    public void setSeedDuplicateLeads(boolean seedDuplicateLeads) {
      this.seedDuplicateLeads = seedDuplicateLeads;
    }

    public boolean isPersistent() {
      return persistent;
    }

    public void setPersistent(boolean persistent) {
      this.persistent = persistent;
    }
  }
}
