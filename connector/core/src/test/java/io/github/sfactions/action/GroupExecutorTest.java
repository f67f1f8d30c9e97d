package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.action.GroupExecutor.Report;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group of requests over real HTTP: each request's outcome, the org, and the calls it cost. */
class GroupExecutorTest {

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
  void aMixedGroupGivesEachRequestItsOwnOutcomeInOneQueryAndOneCallPerWriteKind() {
    String byId = lead("By Id", "byid@mixed.example", null);
    String kept = lead("Kept", "kept@mixed.example", null);
    String old = lead("Old", "old@mixed.example", null);
    String goneById = lead("Gone by Id", "gone1@mixed.example", null);
    String gone = lead("Gone", "gone2@mixed.example", null);
    lead("Twin", "twin@mixed.example", null);
    lead("Twin", "TWIN@mixed.example", null);
    String ext = lead("Ext", "ext@mixed.example", "X-1");

    Report report =
        new GroupExecutor(client)
            .execute(
                List.of(
                    create("Created", "c1@mixed.example"),
                    update(Map.of("Id", byId), "FirstName", "Updated by Id"),
                    update(Map.of("Email", "KEPT@mixed.example"), "FirstName", "Updated"),
                    upsert("fresh@mixed.example", "Fresh"),
                    upsert("old@mixed.example", "Old, upserted"),
                    delete(Map.of("Id", goneById)),
                    delete(Map.of("Email", "gone2@mixed.example")),
                    update(Map.of("Email", "twin@mixed.example"), "FirstName", "Never"),
                    update(Map.of("Email", "nobody@mixed.example"), "FirstName", "Never"),
                    create("Rejected", "not an e-mail"),
                    operator(update(Map.of("Email", "kept@mixed.example"), "City", "X"), "XOR"),
                    ActionRequest.builder(ActionType.LEAD).operation("create").build(),
                    nativeUpsert("X-1", "Ext, upserted"),
                    nativeUpsert("X-2", "Ext, new")));

    List<GroupExecutor.Outcome> o = report.outcomes();
    assertResult(o.get(0), Outcome.CREATED, null, 201);
    assertResult(o.get(1), Outcome.UPDATED, 1, 204);
    assertThat(o.get(1).result().recordId()).isEqualTo(byId);
    assertResult(o.get(2), Outcome.UPDATED, 1, 204);
    assertThat(o.get(2).result().recordId()).isEqualTo(kept);
    assertResult(o.get(3), Outcome.CREATED, 0, 201);
    assertResult(o.get(4), Outcome.UPDATED, 1, 204);
    assertThat(o.get(4).result().recordId()).isEqualTo(old);
    assertResult(o.get(5), Outcome.DELETED, 1, 204);
    assertResult(o.get(6), Outcome.DELETED, 1, 204);
    assertFailure(o.get(7), 300, ActionMessages.MULTIPLE_RECORDS);
    assertFailure(o.get(8), 404, ActionMessages.NO_RECORD_FOUND);
    assertThat(((ActionException) o.get(9).failure()).salesforceErrorCode())
        .isEqualTo("INVALID_EMAIL_ADDRESS");
    assertFailure(o.get(10), 400, "Invalid SOQL operator - XOR");
    assertFailure(o.get(11), 400, ActionMessages.MISSING_LAST_NAME);
    assertResult(o.get(12), Outcome.UPDATED, 1, 200);
    assertThat(o.get(12).result().recordId()).isEqualTo(ext);
    assertResult(o.get(13), Outcome.CREATED, 0, 201);

    assertThat(org().record("Lead", byId).orElseThrow())
        .containsEntry("FirstName", "Updated by Id");
    assertThat(org().record("Lead", kept).orElseThrow()).containsEntry("FirstName", "Updated");
    assertThat(org().record("Lead", old).orElseThrow()).containsEntry("LastName", "Old, upserted");
    assertThat(org().record("Lead", ext).orElseThrow()).containsEntry("LastName", "Ext, upserted");
    assertThat(org().record("Lead", goneById)).isEmpty();
    assertThat(org().record("Lead", gone)).isEmpty();
    assertThat(lastNames()).contains("Created", "Fresh", "Ext, new").doesNotContain("Rejected");
    // native upserts name their record only by the external id, so they wait for a pass of
    // their own after the other writes of existing records
    assertThat(calls())
        .containsExactly(
            "GET /query",
            "POST /composite/sobjects",
            "PATCH /composite/sobjects",
            "DELETE /composite/sobjects",
            "PATCH /composite/sobjects/Lead/Ext__c");
    assertThat(report.apiCalls()).isEqualTo(5);
    assertThat(report.wroteSomething()).isTrue();
    assertThat(report.stoppedBy()).isNull();
  }

  @Test
  void twoUpsertsOfOneNewEmailCreateOneLeadThatTheSecondUpdates() {
    Report report =
        new GroupExecutor(client)
            .execute(
                List.of(
                    upsert("twice@order.example", "First"),
                    upsert("TWICE@order.example", "Second")));

    assertResult(report.outcomes().get(0), Outcome.CREATED, 0, 201);
    assertResult(report.outcomes().get(1), Outcome.UPDATED, 1, 204);
    assertThat(report.outcomes().get(1).result().recordId())
        .isEqualTo(report.outcomes().get(0).result().recordId());
    assertThat(lastNames()).containsExactly("Second");
    assertThat(report.apiCalls()).isEqualTo(4);
  }

  @Test
  void anUpsertThenADeleteOfOneEmailLeaveNoLead() {
    Report report =
        new GroupExecutor(client)
            .execute(
                List.of(
                    upsert("short@order.example", "Short-lived"),
                    delete(Map.of("Email", "short@order.example"))));

    assertResult(report.outcomes().get(0), Outcome.CREATED, 0, 201);
    assertResult(report.outcomes().get(1), Outcome.DELETED, 1, 204);
    assertThat(org().records("Lead")).isEmpty();
  }

  @Test
  void anUpsertFindsTheLeadAnEarlierUpdateGaveItsEmail() {
    String moved = lead("Moved", "before@order.example", null);

    Report report =
        new GroupExecutor(client)
            .execute(
                List.of(
                    update(Map.of("Email", "before@order.example"), "Email", "after@order.example"),
                    upsert("after@order.example", "Found after the move")));

    assertResult(report.outcomes().get(1), Outcome.UPDATED, 1, 204);
    assertThat(report.outcomes().get(1).result().recordId()).isEqualTo(moved);
    assertThat(lastNames()).containsExactly("Found after the move");
  }

  @Test
  void onlyTheRequestsThatDependOnAnEarlierOneCostFurtherPasses() {
    List<ActionRequest> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lead("Known " + i, "known" + i + "@order.example", null);
    }
    for (int i = 0; i < 10; i++) {
      if (i % 4 == 0) {
        requests.add(upsert("hot@order.example", "Hot " + i));
      }
      requests.add(upsert("known" + i + "@order.example", "Known, upserted " + i));
      requests.add(upsert("other" + i + "@order.example", "Other " + i));
    }

    Report report = new GroupExecutor(client).execute(requests);

    assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.result()).isNotNull());
    // three passes for the three upserts of hot@: a query and a write each, plus the update call
    // and the create call of the first pass
    assertThat(report.apiCalls()).isEqualTo(7);
    assertThat(lastNames()).contains("Hot 8").doesNotContain("Hot 0", "Hot 4");
    assertThat(org().records("Lead")).hasSize(21);
  }

  private static void assertResult(
      GroupExecutor.Outcome o, Outcome outcome, Integer matchCount, int status) {
    assertThat(o.failure()).isNull();
    assertThat(o.result().outcome()).isEqualTo(outcome);
    assertThat(o.result().matchCount()).isEqualTo(matchCount);
    assertThat(o.result().statusCode()).isEqualTo(status);
    assertThat(o.result().recordId()).isNotNull();
  }

  private static void assertFailure(GroupExecutor.Outcome o, int status, String message) {
    assertThat(o.result()).isNull();
    assertThat(o.failure())
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  private static ActionRequest create(String lastName, String email) {
    return LeadRequests.create(lastName, email);
  }

  private static ActionRequest upsert(String email, String lastName) {
    return LeadRequests.upsert(email, lastName);
  }

  private static ActionRequest update(Map<String, Object> matchers, String field, Object value) {
    return ActionRequest.builder(ActionType.LEAD)
        .operation("update")
        .recordMatchers(matchers)
        .field(field, value)
        .build();
  }

  private static ActionRequest operator(ActionRequest request, String operator) {
    return request.toBuilder().recordMatchersOperator(operator).build();
  }

  private static ActionRequest delete(Map<String, Object> matchers) {
    return LeadRequests.delete(matchers);
  }

  private static ActionRequest nativeUpsert(String ext, String lastName) {
    return ActionRequest.builder(ActionType.LEAD)
        .operation("upsert")
        .externalIdField("Ext__c")
        .otherFields(Map.of("Ext__c", ext))
        .field("LastName", lastName)
        .field("Company", "G")
        .build();
  }

  private String lead(String lastName, String email, String ext) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", lastName);
    fields.put("Company", "G");
    fields.put("Email", email);
    if (ext != null) {
      fields.put("Ext__c", ext);
    }
    return org().createRecord("Lead", fields);
  }

  private List<Object> lastNames() {
    return org().records("Lead").stream().map(r -> r.get("LastName")).toList();
  }

  private List<String> calls() {
    return TestOrg.dataRequests(org()).stream()
        .map(
            r -> {
              String path = r.path();
              int at = path.indexOf("/composite/");
              return r.method()
                  + " "
                  + (at >= 0 ? path.substring(at) : path.contains("/query") ? "/query" : path);
            })
        .toList();
  }
}
