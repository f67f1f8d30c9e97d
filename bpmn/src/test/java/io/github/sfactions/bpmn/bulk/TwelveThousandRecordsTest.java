package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 12,000 instances queue one record each: the queue starts a run as each batch fills, the runs
 * claim 5000 and 5000, the timer sends the last 2000 once the group is quiet, and every instance
 * ends with its own record. History is off and the caller waits inline, to keep the test fast.
 */
@Deployment(
    resources = {
      BulkIngestProcessCases.INGEST,
      "io/github/sfactions/bpmn/bulk/bulk-lean-caller.bpmn"
    })
class TwelveThousandRecordsTest {

  private static final int RECORDS = 12_000;
  private static final OutcomeLog LOG = new OutcomeLog();
  static final ProcessEngine ENGINE =
      BulkEngines.engine(
          "sfactions-bulk-12k",
          "jdbc:h2:mem:sfactions-bulk-12k;DB_CLOSE_DELAY=-1",
          "none",
          BulkEngines.plugin(5000),
          Map.of("outcomeLog", LOG));

  @RegisterExtension
  ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    LOG.clear();
  }

  @Test
  void twelveThousandQueuedRecordsBecomeThreeJobsAndEveryInstanceEndsWithItsOwnRecord() {
    SalesforceEmulator sf = BulkTestOrg.fresh();
    RuntimeService runtime = ENGINE.getRuntimeService();
    for (int i = 0; i < RECORDS; i++) {
      runtime.startProcessInstanceByKey(
          "BulkLeanCaller", Map.of("lastName", "L" + i, "connection", BulkTestOrg.CONNECTION));
    }
    // full batches start runs on their own, right after the records committed; the timer is not
    // needed for them
    JobDriver driver = new JobDriver(ENGINE);
    driver.awaitBulkRuns(2, Duration.ofSeconds(30));
    assertThat(driver.activeBulkRuns()).isEqualTo(2);
    // the last 2000 do not fill a batch: the timer sends them once the group has been quiet for a
    // flush interval (the driver moves the clock over the poll timers, and past that)
    JobDriver.advance(Duration.ofSeconds(31));
    driver.drainBulk(sf, Duration.ofSeconds(10));

    List<JsonNode> jobs = BulkTestOrg.jobs(sf);
    assertThat(jobs)
        .allSatisfy(j -> assertThat(j.path("state").asText()).isEqualTo("JobComplete"))
        .extracting(j -> j.path("recordsProcessed").asLong())
        .containsExactlyInAnyOrder(5000L, 5000L, 2000L);
    assertThat(jobs.stream().mapToLong(j -> j.path("recordsProcessed").asLong()).sum())
        .isEqualTo(RECORDS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("BulkLeanCaller").count())
        .isZero();
    assertThat(LOG.entries()).hasSize(RECORDS);
    Map<String, String> lastNameById = new java.util.HashMap<>();
    sf.records("Lead")
        .forEach(r -> lastNameById.put((String) r.get("Id"), (String) r.get("LastName")));
    Set<String> ids = new HashSet<>();
    LOG.entries()
        .forEach(
            (lastName, entry) -> {
              assertThat(entry.outcome()).isEqualTo("created");
              assertThat(lastNameById.get(entry.recordId()))
                  .as("record of %s", lastName)
                  .isEqualTo(lastName);
              ids.add(entry.recordId());
            });
    assertThat(ids).hasSize(RECORDS);
    assertThat(QueueTable.size(ENGINE)).isZero();
  }
}
