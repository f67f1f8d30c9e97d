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
 * 12,000 instances queue one record each: the queue starts runs early as batches fill, the runs
 * claim 5000, 5000 and 2000, and every instance ends with its own record. History is off and the
 * caller waits inline, to keep the test fast.
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
    // full batches started runs on their own; the timer is not needed
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(BulkIngestVariables.PROCESS_KEY)
                .count())
        .isEqualTo(2);

    new JobDriver(ENGINE).drainBulk(sf, Duration.ofSeconds(10));

    List<JsonNode> jobs = BulkTestOrg.jobs(sf);
    assertThat(jobs)
        .hasSize(3)
        .allSatisfy(
            j -> {
              assertThat(j.path("state").asText()).isEqualTo("JobComplete");
              assertThat(j.path("recordsProcessed").asLong()).isLessThanOrEqualTo(5000);
            });
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
