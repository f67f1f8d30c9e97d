package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.emulator.SalesforceEmulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two process engines (two nodes) on one database claim concurrently: no claim fails or waits on
 * another, every record lands in exactly one full batch, each record is written to Salesforce once,
 * and every instance ends with its own outcome.
 */
abstract class TwoEnginesOneDatabaseCases {

  /** Where the callers of every node write their outcome (the engines' {@code outcomeLog} bean). */
  static final OutcomeLog LOG = new OutcomeLog();

  private final ProcessEngine nodeA;
  private final ProcessEngine nodeB;
  private final int records;
  private final int batch;
  private Deployment deployment;

  /** The test on two nodes sharing a database, whose bulk plugins use batches of {@code batch}. */
  TwoEnginesOneDatabaseCases(ProcessEngine nodeA, ProcessEngine nodeB, int records, int batch) {
    this.nodeA = nodeA;
    this.nodeB = nodeB;
    this.records = records;
    this.batch = batch;
  }

  @BeforeEach
  void deploy() {
    deployment =
        nodeA
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource(BulkIngestProcessCases.INGEST)
            .addClasspathResource("io/github/sfactions/bpmn/bulk/bulk-lean-caller.bpmn")
            .deploy();
  }

  @AfterEach
  void undeploy() {
    nodeA.getRepositoryService().deleteDeployment(deployment.getId(), true);
    ClockUtil.reset();
    LOG.clear();
  }

  @Test
  void twoNodesClaimDisjointBatchesAndEveryRecordIsWrittenOnce() throws Exception {
    SalesforceEmulator sf = BulkTestOrg.fresh();
    for (int i = 0; i < records; i++) {
      ProcessEngine node = i % 2 == 0 ? nodeA : nodeB;
      node.getRuntimeService()
          .startProcessInstanceByKey(
              "BulkLeanCaller", Map.of("lastName", "N" + i, "connection", BulkTestOrg.CONNECTION));
    }
    for (int i = 0; i < 8; i++) {
      nodeB
          .getRuntimeService()
          .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
          .correlateStartMessage();
    }

    // both nodes execute every pending claim job at the same time, round after round (a claim
    // starts the next run while a full batch is left), until every record is claimed; a claim that
    // failed (a lock timeout, a changed queue) would fail its future
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 20 && QueueTable.unclaimed(nodeA) > 0; round++) {
        awaitSizeTriggeredRuns();
        List<String> claimJobs = claimJobs();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < claimJobs.size(); i++) {
          ProcessEngine node = i % 2 == 0 ? nodeA : nodeB;
          String jobId = claimJobs.get(i);
          running.add(
              pool.submit(
                  () -> {
                    go.await();
                    node.getManagementService().executeJob(jobId);
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : running) {
          f.get(60, TimeUnit.SECONDS);
        }
      }
    } finally {
      pool.shutdown();
    }

    Map<String, Long> claims = claimSizes();
    // disjoint full batches: every record in exactly one claim, no claim short of a batch
    assertThat(claims.values()).allSatisfy(n -> assertThat(n).isEqualTo((long) batch));
    assertThat(claims.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(records);
    assertThat(QueueTable.unclaimed(nodeA)).isZero();

    JobDriver a = new JobDriver(nodeA);
    JobDriver b = new JobDriver(nodeB);
    for (int round = 0; round < 50 && a.activeBulkRuns() > 0; round++) {
      a.runDueJobs();
      b.runDueJobs();
      BulkTestOrg.awaitJobsSettled(sf, Duration.ofSeconds(30));
      JobDriver.advance(Duration.ofSeconds(10));
    }
    assertThat(a.activeBulkRuns()).isZero();
    assertThat(sf.records("Lead")).hasSize(records);
    assertThat(BulkTestOrg.jobs(sf)).hasSize(records / batch);
    assertThat(LOG.entries())
        .hasSize(records)
        .allSatisfy((name, e) -> assertThat(e.outcome()).isEqualTo("created"));
    Set<String> ids = new HashSet<>();
    LOG.entries().values().forEach(e -> ids.add(e.recordId()));
    assertThat(ids).hasSize(records);
    assertThat(QueueTable.size(nodeA)).isZero();
  }

  /** Waits (bounded) for the runs the size triggers of both nodes start in the background. */
  private void awaitSizeTriggeredRuns() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long before = -1;
    long now = claimJobs().size();
    // settled once two looks 200 ms apart find the same number of claim jobs
    while (now != before && System.nanoTime() < deadline) {
      Thread.sleep(200);
      before = now;
      now = claimJobs().size();
    }
  }

  private List<String> claimJobs() {
    List<String> ids = new ArrayList<>();
    for (Job job : nodeA.getManagementService().createJobQuery().executable().list()) {
      if ("ClaimBatch".equals(JobDriver.activityOf(nodeA, job))) {
        ids.add(job.getId());
      }
    }
    return ids;
  }

  /** Rows per claim id, straight from the queue table. */
  private Map<String, Long> claimSizes() throws SQLException {
    ProcessEngineConfigurationImpl c =
        (ProcessEngineConfigurationImpl) nodeA.getProcessEngineConfiguration();
    Map<String, Long> sizes = new java.util.HashMap<>();
    try (Connection con = c.getDataSource().getConnection();
        Statement s = con.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CLAIM_ID_, COUNT(*) FROM SFA_BULK_ENTRY WHERE CLAIM_ID_ IS NOT NULL"
                    + " GROUP BY CLAIM_ID_")) {
      while (rs.next()) {
        sizes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return sizes;
  }
}
