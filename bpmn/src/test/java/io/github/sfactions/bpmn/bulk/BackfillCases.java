package io.github.sfactions.bpmn.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.BulkOperation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/**
 * A back-fill goes through the bulk queue without a process instance per record: lines that are not
 * records are refused at once and listed, full batches start their runs while loading, the tail
 * goes with the timer, every outcome is counted on the back-fill, and the records Salesforce
 * rejected are kept with their line and error.
 */
abstract class BackfillCases extends QueueCasesSupport {

  static final int BATCH = 200;

  BackfillCases(ProcessEngine engine) {
    super(engine);
  }

  @Test
  void aBackfillIsSentInFullJobsAndEveryOutcomeIsCountedWithTheRejectedRecordsKept() {
    String existing =
        sf.createRecord("Lead", Map.of("LastName", "Old", "Company", "Acme", "Ext__c", "E-7"));
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      file.append(
          "{\"Ext__c\":\"E-%d\",\"LastName\":\"Last %d\",\"Company\":\"Acme, Inc.\",\"NumberOfEmployees\":%d}\n"
              .formatted(i, i, i));
      if (i == 100) {
        file.append("{\"Ext__c\": \"E-broken\", \"LastName\": \n");
        file.append("{\"LastName\":\"No key\",\"Company\":\"Acme\"}\n");
        file.append("\n");
        file.append("{\"Ext__c\":\"E-rejected\",\"LastName\":\"No company\"}\n");
      }
    }
    BulkBackfill backfill = BulkBackfill.of(engine);
    BackfillResult loaded =
        backfill.load(
            new BackfillTarget(
                "leads.jsonl", BulkTestOrg.CONNECTION, "Lead", BulkOperation.UPSERT, "Ext__c"),
            new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(loaded.lines()).isEqualTo(253);
    assertThat(loaded.queued()).isEqualTo(251);
    assertThat(loaded.rejected()).isEqualTo(2);
    assertThat(loaded.rejectedLines())
        .extracting(BackfillResult.RejectedLine::line)
        .containsExactly(102L, 103L);
    assertThat(loaded.rejectedLines().get(0).reason()).startsWith("line 102: malformed JSON");
    assertThat(loaded.rejectedLines().get(1).reason())
        .isEqualTo("line 103: the upsert key Ext__c is missing or empty");

    // a full batch started its run while loading; no process instance per record
    driver.awaitBulkRuns(1, Duration.ofSeconds(30));
    driver.drainBulk(sf, Duration.ofSeconds(1));
    assertThat(jobSizes()).containsExactly((long) BATCH);
    JobDriver.advance(Duration.ofSeconds(31));
    driver.drainBulk(sf, Duration.ofSeconds(1));

    BackfillSummary summary = backfill.summary(loaded.backfillId()).orElseThrow();
    assertThat(summary.queued()).isEqualTo(251);
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.created()).isEqualTo(249);
    assertThat(summary.updated()).isEqualTo(1);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.pending()).isZero();
    assertThat(summary.done()).isTrue();
    List<FailedBackfillRecord> failed = new ArrayList<>();
    backfill.failedRecords(loaded.backfillId(), failed::add);
    assertThat(failed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(105);
              assertThat(r.fields())
                  .containsEntry("Ext__c", "E-rejected")
                  .containsEntry("LastName", "No company");
              assertThat(r.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
              assertThat(r.error()).contains("Company");
              assertThat(r.jobId()).isNotBlank();
            });
    assertThat(sf.records("Lead")).hasSize(250);
    assertThat(sf.record("Lead", existing).orElseThrow()).containsEntry("LastName", "Last 7");
    assertThat(
            sf.records("Lead").stream()
                .filter(r -> "E-42".equals(r.get("Ext__c")))
                .findFirst()
                .orElseThrow())
        .containsEntry("Company", "Acme, Inc.");
    assertThat(QueueTable.size(engine)).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }
}
