package io.github.sfactions.bpmn.bulk.memory;

import io.github.sfactions.bpmn.bulk.BulkEngines;
import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.bpmn.bulk.BulkTestOrg;
import io.github.sfactions.bpmn.bulk.JobDriver;
import io.github.sfactions.bpmn.bulk.OutcomeLog;
import io.github.sfactions.camunda.SalesforceConnections;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;

/**
 * One wide batch through the bulk queue, run in its own JVM with a small heap by {@link
 * WideBatchMemoryTest}: {@code records} instances each queue a Lead whose {@code Notes__c} holds
 * {@code recordChars} characters (1000 x 100,000 = a 100 MB CSV), on the PostgreSQL database at
 * {@code jdbcUrl} (a database server outside this JVM, as in production: an embedded H2 would put
 * its own write buffers, not the queue's, into the 256 MB being measured), against the emulator at
 * {@code loginUrl}. It sends them as one Bulk API job, waits for every instance to end, and prints
 * the heap's peak and the outcome counts on one line ({@code wide-batch ...}). Exits with 1 unless
 * every instance ended with its record created.
 *
 * <p>Arguments: loginUrl, PostgreSQL JDBC URL, records, characters per record.
 */
public final class WideBatchMain {

  /** Connection name the child registers. */
  static final String CONNECTION = "widebatch";

  private WideBatchMain() {}

  public static void main(String[] args) throws InterruptedException {
    String loginUrl = args[0];
    String jdbcUrl = args[1];
    int records = Integer.parseInt(args[2]);
    int chars = Integer.parseInt(args[3]);
    SalesforceConnections.global()
        .register(CONNECTION, BulkTestOrg.settings(loginUrl, Duration.ofMinutes(3)));
    OutcomeLog log = new OutcomeLog();
    BulkIngestPlugin plugin = BulkEngines.plugin(records);
    // the loop below moves the engine clock faster than the emulator works: never give the job up
    plugin.setMaxWait("PT12H");
    plugin.setClaimTimeout("PT24H");
    ProcessEngine engine =
        BulkEngines.postgres(
            "sfactions-wide-batch",
            jdbcUrl,
            "none",
            plugin,
            Map.of("outcomeLog", log, "wide", new WideText(chars)));
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-ingest.bpmn")
        .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-wide-caller.bpmn")
        .deploy();
    HeapAfterGc heap = new HeapAfterGc();
    heap.start();
    long start = System.nanoTime();
    RuntimeService runtime = engine.getRuntimeService();
    for (int i = 0; i < records; i++) {
      runtime.startProcessInstanceByKey(
          "BulkWideCaller", Map.of("lastName", "W" + i, "connection", CONNECTION));
    }
    long queued = System.nanoTime();
    JobDriver driver = new JobDriver(engine);
    // the batch is full: its run starts on its own
    driver.awaitBulkRuns(1, Duration.ofSeconds(60));
    int reported = 0;
    for (int round = 0; round < 600 && driver.activeBulkRuns() > 0; round++) {
      driver.runDueJobs();
      // say at once why a job failed (the parent may stop a child that takes too long)
      for (; reported < driver.failures().size(); reported++) {
        System.out.println("wide-batch job failed: " + driver.failures().get(reported));
      }
      JobDriver.advance(Duration.ofSeconds(10));
      Thread.sleep(100);
    }
    driver.runDueJobs();
    long done = System.nanoTime();
    long created =
        log.entries().values().stream().filter(e -> "created".equals(e.outcome())).count();
    System.out.printf(
        "wide-batch records=%d csv_mb=%.1f heap_after_gc_peak_mb=%d max_heap_mb=%d created=%d"
            + " failures=%d queue_s=%.1f send_s=%.1f%n",
        records,
        records * (double) chars / 1e6,
        heap.peak() >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        created,
        driver.failures().size(),
        (queued - start) / 1e9,
        (done - queued) / 1e9);
    driver.failures().stream().limit(3).forEach(Throwable::printStackTrace);
    log.entries().values().stream()
        .collect(Collectors.groupingBy(OutcomeLog.Entry::outcome, Collectors.counting()))
        .forEach((outcome, n) -> System.out.println("wide-batch outcome " + n + " x " + outcome));
    engine.close();
    System.exit(created == records && driver.activeBulkRuns() == 0 ? 0 : 1);
  }

  /**
   * The most heap found in use right after a collection (the heap pools' usage after their last
   * collection, summed, sampled every 20 ms): what the run really held, garbage not counted.
   */
  static final class HeapAfterGc extends Thread {
    private volatile long peak;

    HeapAfterGc() {
      super("wide-batch-heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (true) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
            used += pool.getCollectionUsage().getUsed();
          }
        }
        peak = Math.max(peak, used);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peak() {
      return peak;
    }
  }

  /** The {@code wide} expression bean: a record's long text. */
  public static final class WideText {
    private final String filler;

    WideText(int chars) {
      this.filler = "n".repeat(chars);
    }

    /** {@code chars} characters starting with the name, so every record differs. */
    public String text(String name) {
      return name + filler.substring(name.length());
    }
  }
}
