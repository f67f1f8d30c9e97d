package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkBatch;
import io.github.sfactions.client.BulkBatchSplitter;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkJobState;
import io.github.sfactions.client.BulkRecordResult;
import io.github.sfactions.client.BulkResults;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full Bulk API 2.0 job against the emulator: CSV writer, upload, close, poll, per-row results.
 */
class EmulatorBulkTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () -> SalesforceEmulator.builder().object(EmulatorClients.LEAD_WITH_EXT_ID));

  private SalesforceClient client;

  @BeforeEach
  void connect() {
    client = EmulatorClients.client(EMULATOR.get());
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  private BulkJobInfo awaitTerminal(String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    BulkJobInfo info = client.bulk().jobInfo(jobId);
    while (!info.state().isTerminal()) {
      assertThat(Instant.now()).as("job %s still %s", jobId, info.state()).isBefore(deadline);
      Thread.sleep(50);
      info = client.bulk().jobInfo(jobId);
    }
    return info;
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void upsertJobReportsEachRowByExternalId() throws Exception {
    String existing =
        EMULATOR
            .get()
            .createRecord(
                "Lead",
                row("LastName", "Old", "Company", "Keep Co", "Email", "old@x.com", "Ext__c", "E1"));
    List<Map<String, Object>> records =
        List.of(
            row("Ext__c", "E1", "LastName", "Updated", "Email", null),
            row("Ext__c", "E2", "LastName", "New", "Company", "New Co"),
            row("Ext__c", "E3", "Company", "No last name"));
    List<BulkBatch<Map<String, Object>>> batches = BulkBatchSplitter.defaults().split(records);
    assertThat(batches).hasSize(1);

    BulkIngest bulk = client.bulk();
    BulkJobInfo job = bulk.createJob(BulkJobRequest.upsert("Lead", "Ext__c"));
    assertThat(job.state()).isEqualTo(BulkJobState.OPEN);
    bulk.upload(job.id(), batches.get(0).csv());
    assertThat(bulk.closeJob(job.id()).state())
        .isIn(BulkJobState.UPLOAD_COMPLETE, BulkJobState.IN_PROGRESS, BulkJobState.JOB_COMPLETE);
    BulkJobInfo done = awaitTerminal(job.id());

    assertThat(done.state()).isEqualTo(BulkJobState.JOB_COMPLETE);
    assertThat(done.numberRecordsProcessed()).isEqualTo(3);
    assertThat(done.numberRecordsFailed()).isEqualTo(1);
    BulkResults results = bulk.results(job.id());
    Map<String, BulkRecordResult> byExt = results.byKey("Ext__c");
    assertThat(byExt.get("E1").success()).isTrue();
    assertThat(byExt.get("E1").id()).isEqualTo(existing);
    assertThat(byExt.get("E1").created()).isFalse();
    assertThat(byExt.get("E2").created()).isTrue();
    assertThat(byExt.get("E3").errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(byExt.get("E3").errorFields()).contains("LastName");
    assertThat(byExt.get("E3").retryable()).isFalse();

    // Deviation 3: the absent Company cell left the field alone; the explicit null cleared Email.
    Map<String, Object> updated = EMULATOR.get().record("Lead", existing).orElseThrow();
    assertThat(updated).containsEntry("LastName", "Updated").containsEntry("Company", "Keep Co");
    assertThat(updated.get("Email")).isNull();
  }

  @Test
  void abortedJobCannotTakeAnUploadAndReportsItsState() {
    BulkIngest bulk = client.bulk();
    BulkJobInfo job = bulk.createJob(BulkJobRequest.insert("Account"));
    assertThat(bulk.abortJob(job.id()).state()).isEqualTo(BulkJobState.ABORTED);
    assertThat(bulk.jobInfo(job.id()).state()).isEqualTo(BulkJobState.ABORTED);
    assertThatThrownBy(
            () -> bulk.upload(job.id(), io.github.sfactions.client.CsvContent.of("Name\nA\n")))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isBetween(400, 499);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void unknownJobIsNotFound() {
    assertThatThrownBy(() -> client.bulk().jobInfo("750000000000000AAA"))
        .isInstanceOfSatisfying(
            SalesforceApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void deleteJobRemovesRecordsByIdAndReportsUnknownIds() throws Exception {
    String a = EMULATOR.get().createRecord("Account", row("Name", "A"));
    String b = EMULATOR.get().createRecord("Account", row("Name", "B"));
    List<Map<String, Object>> rows =
        List.of(row("Id", a), row("Id", b), row("Id", "001000000000000AAA"));
    BulkIngest bulk = client.bulk();
    BulkJobInfo job = bulk.createJob(BulkJobRequest.delete("Account"));
    bulk.upload(job.id(), BulkBatchSplitter.defaults().split(rows).get(0).csv());
    bulk.closeJob(job.id());
    BulkJobInfo done = awaitTerminal(job.id());

    assertThat(done.state()).isEqualTo(BulkJobState.JOB_COMPLETE);
    assertThat(done.numberRecordsSucceeded()).isEqualTo(2);
    assertThat(EMULATOR.get().record("Account", a)).isEmpty();
    assertThat(EMULATOR.get().record("Account", b)).isEmpty();
    BulkResults results = bulk.results(job.id());
    assertThat(results.successful())
        .extracting(BulkRecordResult::id)
        .containsExactlyInAnyOrder(a, b);
    assertThat(results.failed())
        .singleElement()
        .satisfies(r -> assertThat(r.errorCode()).isNotBlank());
  }
}
