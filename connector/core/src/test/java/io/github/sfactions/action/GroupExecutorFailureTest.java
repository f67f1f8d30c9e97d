package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.action.GroupExecutor.Report;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.FaultType;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Technical failures in a group: a call failing as a whole stops it; a record's own stays its. */
class GroupExecutorFailureTest {

  @RegisterExtension static final EmulatorExtension EMULATOR = TestOrg.extension();

  private static SalesforceClient client;

  @BeforeAll
  static void connect() {
    client = SalesforceClient.create(TestOrg.settings(EMULATOR.get()));
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  private SalesforceEmulator org() {
    return EMULATOR.get();
  }

  @Test
  void aWriteCallThatFailsStopsTheGroupAndRunningTheUnfinishedAgainDoublesNothing() {
    lead("Existing", "existing@outage.example");
    lead("Doomed", "doomed@outage.example");
    List<ActionRequest> requests =
        List.of(
            upsert("one@outage.example", "One"),
            upsert("existing@outage.example", "Existing, upserted"),
            upsert("two@outage.example", "Two"),
            delete("doomed@outage.example"));
    // the creates' call answers; the updates' call (the group's second write) meets an outage
    org().faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "PATCH", "/composite/sobjects", null);

    Report report = new GroupExecutor(client).execute(requests);

    assertThat(report.stoppedBy()).isNotNull();
    assertThat(report.stoppedBy().status()).isEqualTo(503);
    assertThat(report.wroteSomething()).isTrue();
    assertThat(report.outcomes().get(0).result().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(report.outcomes().get(2).result().outcome()).isEqualTo(Outcome.CREATED);
    assertThat(report.outcomes().get(1).finished()).isFalse();
    assertThat(report.outcomes().get(3).finished()).isFalse();
    assertThat(report.outcomes().get(1)).isEqualTo(new GroupExecutor.Outcome(null, null));

    List<ActionRequest> unfinished = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      if (!report.outcomes().get(i).finished()) {
        unfinished.add(requests.get(i));
      }
    }
    Report again = new GroupExecutor(client).execute(unfinished);

    assertThat(again.stoppedBy()).isNull();
    assertThat(again.outcomes()).allSatisfy(o -> assertThat(o.result()).isNotNull());
    assertThat(org().records("Lead"))
        .extracting(r -> r.get("Email"))
        .containsExactlyInAnyOrder(
            "existing@outage.example", "one@outage.example", "two@outage.example");
    assertThat(org().records("Lead"))
        .extracting(r -> r.get("LastName"))
        .contains("Existing, upserted");
  }

  @Test
  void aLookupThatFailsStopsTheGroupBeforeAnyWrite() {
    org().faults().failNext(FaultType.SERVER_UNAVAILABLE, 1, "GET", "/query", null);

    Report report =
        new GroupExecutor(client)
            .execute(List.of(create("Would be created"), upsert("x@outage.example", "X")));

    assertThat(report.stoppedBy()).isNotNull();
    assertThat(report.wroteSomething()).isFalse();
    assertThat(report.outcomes()).noneSatisfy(o -> assertThat(o.finished()).isTrue());
    assertThat(org().records("Lead")).isEmpty();
  }

  @Test
  void aRecordLockedInsideAnAnsweredCallFailsAloneAndRetryably() {
    org().faults().failNextRows("UNABLE_TO_LOCK_ROW", 1, "Lead");

    Report report = new GroupExecutor(client).execute(List.of(create("Locked"), create("Written")));

    assertThat(report.stoppedBy()).isNull();
    assertThat(report.outcomes().get(0).failure())
        .isInstanceOfSatisfying(
            SalesforceApiException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(report.outcomes().get(1).result().outcome()).isEqualTo(Outcome.CREATED);
  }

  private static ActionRequest create(String lastName) {
    return LeadRequests.create(lastName, null);
  }

  private static ActionRequest upsert(String email, String lastName) {
    return LeadRequests.upsert(email, lastName);
  }

  private static ActionRequest delete(String email) {
    return LeadRequests.delete(Map.of("Email", email));
  }

  private void lead(String lastName, String email) {
    org().createRecord("Lead", Map.of("LastName", lastName, "Company", "G", "Email", email));
  }
}
