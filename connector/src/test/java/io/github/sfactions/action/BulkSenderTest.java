package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkBatchSplitter;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.BulkJobState;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk batches sent to the emulator's Bulk API 2.0: create, upload, close; abort on a failed upload. */
class BulkSenderTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = TestOrg.extension();

  private static SalesforceClient client;

  @BeforeAll
  static void connect() {
    client = SalesforceClient.create(TestOrg.settings(EMULATOR.get()));
  }


  @AfterAll
  static void disconnect() {
    client.close();
  }

  private static ActionRequest.Builder lead(String lastName) {
    return ActionRequest.builder(ActionType.LEAD).syncMode("add").useBulkApi(true).field("LastName", lastName)
        .field("Company", "Acme");
  }

  private static BulkJobInfo awaitEnd(String jobId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    BulkJobInfo info = client.bulk().jobInfo(jobId);
    while (!info.state().isTerminal() && Instant.now().isBefore(deadline)) {
      info = client.bulk().jobInfo(jobId);
    }
    return info;
  }

  @Test
  void eachBatchBecomesOneJobCreatedUploadedAndClosedWithThreeCalls() {
    BulkJobPlan plan = BulkBatchBuilder.create().splitter(new BulkBatchSplitter(2, 1_000_000))
        .add(lead("A").build()).add(lead("B").build()).add(lead("C").build()).build();
    BulkSendResult sent = new BulkSender(client).send(plan);

    assertThat(sent.jobs()).hasSize(2).allSatisfy(j -> assertThat(j.state()).isEqualTo(BulkJobState.UPLOAD_COMPLETE));
    assertThat(sent.apiCalls()).isEqualTo(6);
    List<RecordedRequest> requests = TestOrg.dataRequests(EMULATOR.get());
    assertThat(requests).extracting(RecordedRequest::method)
        .containsExactly("POST", "PUT", "PATCH", "POST", "PUT", "PATCH");
    assertThat(requests.get(1).body()).isEqualTo("LastName,Company\nA,Acme\nB,Acme\n");
    sent.jobIds().forEach(id -> assertThat(awaitEnd(id).state()).isEqualTo(BulkJobState.JOB_COMPLETE));
    assertThat(EMULATOR.get().records("Lead")).hasSize(3);
  }

  @Test
  void aFailedUploadAbortsTheJobInsteadOfClosingIt() {
    EMULATOR.get().faults().failNext(FaultType.SERVER_ERROR, 1, "PUT", "/batches", null);
    BulkJobPlan plan = BulkBatchBuilder.create().add(lead("A").build()).build();

    assertThatThrownBy(() -> new BulkSender(client).send(plan)).isInstanceOf(RuntimeException.class);

    List<RecordedRequest> requests = TestOrg.dataRequests(EMULATOR.get());
    assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "PUT", "PATCH");
    assertThat(requests.get(2).body()).contains("Aborted");
    String jobId = requests.get(2).path().substring(requests.get(2).path().lastIndexOf('/') + 1);
    assertThat(client.bulk().jobInfo(jobId).state()).isEqualTo(BulkJobState.ABORTED);
  }
}
