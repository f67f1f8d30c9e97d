package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same mixed sequence of requests run one by one through {@link ActionExecutor} on one org and
 * as a group through {@link GroupExecutor} on another: every request gets the same outcome and the
 * orgs end with the same Leads.
 */
class GroupExecutorParityTest {

  @RegisterExtension static final EmulatorExtension ONE_BY_ONE = TestOrg.extension();
  @RegisterExtension static final EmulatorExtension GROUPED = TestOrg.extension();

  private static final List<String> COMPARED_FIELDS =
      List.of("LastName", "FirstName", "Company", "Email", "Phone", "Ext__c", "Note__c");

  @Test
  void aGroupGivesEveryRequestAndTheOrgWhatOneByOneExecutionGives() {
    List<String> expected = runOneByOne();
    List<String> grouped = runGrouped(Integer.MAX_VALUE);

    assertThat(grouped).containsExactlyElementsOf(expected);
    assertThat(leads(GROUPED.get())).containsExactlyElementsOf(leads(ONE_BY_ONE.get()));
  }

  @Test
  void splittingTheSequenceIntoGroupsOfSevenChangesNothing() {
    List<String> expected = runOneByOne();
    List<String> grouped = runGrouped(7);

    assertThat(grouped).containsExactlyElementsOf(expected);
    assertThat(leads(GROUPED.get())).containsExactlyElementsOf(leads(ONE_BY_ONE.get()));
  }

  private List<String> runOneByOne() {
    SalesforceEmulator org = ONE_BY_ONE.get();
    Map<String, String> seeds = seed(org);
    List<ActionRequest> requests = sequence(seeds);
    Labels labels = new Labels(seeds);
    List<String> outcomes = new ArrayList<>();
    try (SalesforceClient client = SalesforceClient.create(TestOrg.settings(org))) {
      ActionExecutor executor = new ActionExecutor(client);
      for (int i = 0; i < requests.size(); i++) {
        try {
          outcomes.add(labels.of(i, executor.execute(requests.get(i))));
        } catch (RuntimeException e) {
          outcomes.add(failure(e));
        }
      }
    }
    return outcomes;
  }

  private List<String> runGrouped(int groupSize) {
    SalesforceEmulator org = GROUPED.get();
    Map<String, String> seeds = seed(org);
    List<ActionRequest> requests = sequence(seeds);
    Labels labels = new Labels(seeds);
    List<String> outcomes = new ArrayList<>();
    try (SalesforceClient client = SalesforceClient.create(TestOrg.settings(org))) {
      GroupExecutor executor = new GroupExecutor(client);
      for (int from = 0; from < requests.size(); from += groupSize) {
        List<ActionRequest> group =
            requests.subList(from, Math.min(requests.size(), from + groupSize));
        GroupExecutor.Report report = executor.execute(group);
        assertThat(report.stoppedBy()).isNull();
        for (int n = 0; n < group.size(); n++) {
          GroupExecutor.Outcome outcome = report.outcomes().get(n);
          outcomes.add(
              outcome.failure() != null
                  ? failure(outcome.failure())
                  : labels.of(from + n, outcome.result()));
        }
      }
    }
    return outcomes;
  }

  /** Five Leads, named by their label (the org's Ids differ from org to org). */
  private static Map<String, String> seed(SalesforceEmulator org) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("ann", lead(org, "Ann", "ann@parity.example", "111", null));
    ids.put("bob", lead(org, "Bob", "bob@parity.example", "222", null));
    ids.put("bobTwin", lead(org, "Bob twin", "BOB@parity.example", "333", null));
    ids.put("cy", lead(org, "Cy", "cy@parity.example", "444", null));
    ids.put("dee", lead(org, "Dee", "dee@parity.example", "555", "D-1"));
    return ids;
  }

  private static String lead(
      SalesforceEmulator org, String name, String email, String phone, String ext) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("LastName", name);
    fields.put("Company", "Parity");
    fields.put("Email", email);
    fields.put("Phone", phone);
    if (ext != null) {
      fields.put("Ext__c", ext);
    }
    return org.createRecord("Lead", fields);
  }

  /** The sequence; requests by Id use the seeds' Ids of the org they run on. */
  private static List<ActionRequest> sequence(Map<String, String> seeds) {
    String newEmail = "new@parity.example";
    return List.of(
        upsert(email(newEmail), "New1", newEmail),
        upsert(email("NEW@parity.example"), "New2", newEmail),
        upsert(email(newEmail), "New3", null),
        update(email("ann@parity.example"), Map.of("FirstName", "Annie")),
        update(email("bob@parity.example"), Map.of("FirstName", "Many")),
        update(email("nobody@parity.example"), Map.of("FirstName", "None")),
        create("C1", "c1@parity.example"),
        delete(email("cy@parity.example")),
        upsert(email("cy@parity.example"), "Cy again", "cy@parity.example"),
        update(email("ann@parity.example"), Map.of("Email", "ann2@parity.example")),
        upsert(email("ann2@parity.example"), "Ann two", null),
        upsert(either("x@parity.example", "222"), "Phone 222", null),
        upsertAnd(both("bob@parity.example", "222"), "Bobby"),
        ActionRequest.builder(ActionType.LEAD).operation("create").field("Company", "G").build(),
        ActionRequest.builder(ActionType.LEAD)
            .operation("update")
            .recordMatchers(email("ann2@parity.example"))
            .recordMatchersOperator("XOR")
            .field("FirstName", "Bad")
            .build(),
        nativeUpsert("D-1", "Dee two"),
        nativeUpsert("E-9", "Eve"),
        nativeUpsert("E-9", "Eve two"),
        update(Map.of("Id", seeds.get("dee")), Map.of("FirstName", "Dora")),
        delete(Map.of("Id", seeds.get("bobTwin"))),
        update(email("bob@parity.example"), Map.of("FirstName", "Robert")),
        delete(email(newEmail)),
        upsert(email(newEmail), "New4", newEmail),
        ActionRequest.builder(ActionType.LEAD)
            .operation("create")
            .field("LastName", "Too long")
            .field("Company", "G")
            .otherFields(Map.of("Note__c", "x".repeat(300)))
            .build(),
        update(email("dee@parity.example"), Map.of("LastName", "Dee three")),
        upsert(email("Case@Parity.example"), "Case1", "case@parity.example"),
        upsert(email("case@parity.EXAMPLE"), "Case2", null),
        delete(email("nobody@parity.example")),
        update(Map.of("Id", "123"), Map.of("FirstName", "Bad Id")),
        upsert(Map.of(), "No matchers", null),
        delete(email("c1@parity.example")),
        update(email("ann2@parity.example"), Map.of("Email", "ann3@parity.example")),
        upsert(email("ann3@parity.example"), "Ann three", null));
  }

  private static ActionRequest upsert(Map<String, Object> matchers, String lastName, String mail) {
    ActionRequest.Builder b =
        ActionRequest.builder(ActionType.LEAD)
            .operation("upsert")
            .recordMatchers(matchers)
            .field("LastName", lastName)
            .field("Company", "Parity");
    if (mail != null) {
      b.field("Email", mail);
    }
    return b.build();
  }

  private static ActionRequest upsertAnd(Map<String, Object> matchers, String lastName) {
    return upsert(matchers, lastName, null).toBuilder().recordMatchersOperator("AND").build();
  }

  private static ActionRequest update(Map<String, Object> matchers, Map<String, Object> fields) {
    ActionRequest.Builder b =
        ActionRequest.builder(ActionType.LEAD).operation("update").recordMatchers(matchers);
    fields.forEach(b::field);
    return b.build();
  }

  private static ActionRequest delete(Map<String, Object> matchers) {
    return ActionRequest.builder(ActionType.LEAD)
        .syncMode("delete")
        .recordMatchers(matchers)
        .build();
  }

  private static ActionRequest create(String lastName, String mail) {
    return ActionRequest.builder(ActionType.LEAD)
        .syncMode("add")
        .field("LastName", lastName)
        .field("Company", "Parity")
        .field("Email", mail)
        .build();
  }

  private static ActionRequest nativeUpsert(String ext, String lastName) {
    return ActionRequest.builder(ActionType.LEAD)
        .operation("upsert")
        .externalIdField("Ext__c")
        .recordMatchers(Map.of("Ext__c", ext))
        .field("LastName", lastName)
        .field("Company", "Parity")
        .build();
  }

  private static Map<String, Object> email(String email) {
    return Map.of("Email", email);
  }

  private static Map<String, Object> either(String email, String phone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Email", email);
    m.put("Phone", phone);
    return m;
  }

  private static Map<String, Object> both(String email, String phone) {
    return either(email, phone);
  }

  private static String failure(RuntimeException e) {
    if (e instanceof ActionException a) {
      return "failed " + a.status() + " " + a.code() + " " + a.matchCount() + ": " + a.getMessage();
    }
    if (e instanceof SalesforceApiException s) {
      return "technical " + s.status() + " " + s.errorCode() + ": " + s.getMessage();
    }
    return "unexpected " + e;
  }

  /** The Leads' compared fields, sorted, Ids left out. */
  private static List<String> leads(SalesforceEmulator org) {
    return org.records("Lead").stream()
        .map(
            r -> {
              Map<String, Object> kept = new TreeMap<>();
              COMPARED_FIELDS.forEach(f -> kept.put(f, r.get(f)));
              return kept.toString();
            })
        .sorted()
        .toList();
  }

  /** Names record Ids the same way in both orgs: by seed, else by the first request that had it. */
  private static final class Labels {
    private final Map<String, String> byId = new HashMap<>();

    Labels(Map<String, String> seeds) {
      seeds.forEach((label, id) -> byId.put(RecordIds.caseSensitive(id), label));
    }

    String of(int request, ActionResult r) {
      Function<String, String> label =
          id -> byId.computeIfAbsent(RecordIds.caseSensitive(id), k -> "new#" + request);
      return "ok "
          + (r.recordId() == null ? null : label.apply(r.recordId()))
          + " "
          + r.outcome()
          + " "
          + r.matchCount()
          + " "
          + r.statusCode();
    }
  }
}
