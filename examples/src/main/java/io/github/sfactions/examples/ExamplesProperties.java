package io.github.sfactions.examples;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the demo app, bound from {@code examples.*}. */
@ConfigurationProperties(prefix = "examples")
public class ExamplesProperties {

  /** Directory of the H2 database and the emulated org's records (created when missing). */
  private Path dataDir = Path.of("data");

  /** The in-process Salesforce emulator. */
  private final Emulator emulator = new Emulator();

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public Emulator getEmulator() {
    return emulator;
  }

  /** The emulated org used when no real org is configured. */
  public static class Emulator {

    /**
     * true: always start it; false: never; unset: start it when no {@code sfactions.connections.*}
     * names a real org.
     */
    private Boolean enabled;

    /** Login port (the instance port is the next one); 0 picks free ports. */
    private int port = 8443;

    /** Keep the org's records in {@code <data-dir>/salesforce-org.json} across restarts. */
    private boolean persistent = true;

    /**
     * Start the org with two Leads that share the e-mail {@value
     * EmulatedOrgConfiguration#DUPLICATE_EMAIL}, so the sample identify event for that address
     * takes the "several records match" (300) branch.
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
