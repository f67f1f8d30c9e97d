package io.github.sfactions.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.QueryResult;
import io.github.sfactions.client.SObjectDescribe;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveResult;
import io.github.sfactions.client.Soql;
import io.github.sfactions.client.UpsertResult;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REST sObjects, upsert, query paging, describe and collections against the emulator. */
class EmulatorRestTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () -> SalesforceEmulator.builder().object(EmulatorClients.LEAD_WITH_EXT_ID));

  private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
  private SalesforceClient client;

  @BeforeEach
  void connect() {
    client = EmulatorClients.client(EMULATOR.get(), calls::add);
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  private static Map<String, Object> lead(String lastName, String ext) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("LastName", lastName);
    m.put("Company", "Acme");
    if (ext != null) {
      m.put("Ext__c", ext);
    }
    return m;
  }

  @Test
  void createGetUpdateDelete() {
    SaveResult created = client.create("Lead", lead("Doe", null));
    assertThat(created.success()).isTrue();
    assertThat(created.id()).hasSize(18).startsWith("00Q");

    assertThat(client.get("Lead", created.id(), List.of("LastName", "Company")))
        .containsEntry("LastName", "Doe")
        .containsEntry("Company", "Acme")
        .doesNotContainKey("attributes");

    Map<String, Object> change = new HashMap<>();
    change.put("LastName", "Roe");
    change.put("Company", "Other");
    client.update("Lead", created.id().substring(0, 15), change);
    assertThat(EMULATOR.get().record("Lead", created.id()).orElseThrow())
        .containsEntry("LastName", "Roe");

    client.delete("Lead", created.id());
    assertThat(EMULATOR.get().record("Lead", created.id())).isEmpty();
    assertThat(calls)
        .filteredOn(c -> c.operation() != ApiOperation.TOKEN)
        .extracting(ApiCall::status)
        .containsExactly(201, 200, 204, 204);
  }

  @Test
  void nativeUpsertCreatesThenUpdatesThenReportsSeveralMatches() {
    UpsertResult first = client.upsert("Lead", "Ext__c", "A/1 ü", lead("Doe", null));
    assertThat(first.created()).isTrue();
    assertThat(EMULATOR.get().record("Lead", first.id()).orElseThrow())
        .containsEntry("Ext__c", "A/1 ü");

    UpsertResult second = client.upsert("Lead", "Ext__c", "A/1 ü", Map.of("LastName", "Roe"));
    assertThat(second).isEqualTo(new UpsertResult(first.id(), false));
    assertThat(EMULATOR.get().record("Lead", first.id()).orElseThrow())
        .containsEntry("LastName", "Roe");
  }

  @Test
  void upsertMatchingSeveralRecordsIsA300WithChoicesAndChangesNothing() {
    Map<String, Object> one = lead("One", null);
    one.put("Code__c", "C-1");
    Map<String, Object> two = lead("Two", null);
    two.put("Code__c", "C-1");
    String first = EMULATOR.get().createRecord("Lead", one);
    String second = EMULATOR.get().createRecord("Lead", two);
    assertThatThrownBy(() -> client.upsert("Lead", "Code__c", "C-1", Map.of("LastName", "X")))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(300);
              assertThat(e.errorCode()).isEqualTo(SalesforceApiException.MULTIPLE_CHOICES);
              assertThat(e.choices())
                  .hasSize(2)
                  .anyMatch(c -> c.endsWith(first))
                  .anyMatch(c -> c.endsWith(second));
              assertThat(e.retryable()).isFalse();
            });
    assertThat(EMULATOR.get().record("Lead", first).orElseThrow()).containsEntry("LastName", "One");
  }

  @Test
  void upsertByAFieldThatIsNoExternalIdIsRefused() {
    assertThatThrownBy(() -> client.upsert("Lead", "Company", "Acme", Map.of("LastName", "X")))
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void queryFollowsPagesUpToTheCap() {
    calls.clear();
    for (int i = 0; i < 2105; i++) {
      EMULATOR.get().createRecord("Account", Map.of("Name", "Acc " + i));
    }
    QueryResult all = client.query("SELECT Id, Name FROM Account", 10_000);
    assertThat(all.totalSize()).isEqualTo(2105);
    assertThat(all.records()).hasSize(2105);
    assertThat(all.done()).isTrue();
    assertThat(calls)
        .extracting(ApiCall::operation)
        .containsSubsequence(ApiOperation.QUERY, ApiOperation.QUERY_MORE);

    calls.clear();
    QueryResult capped = client.query("SELECT Id FROM Account", 50);
    assertThat(capped.records()).hasSize(50);
    assertThat(capped.done()).isFalse();
    assertThat(calls).extracting(ApiCall::operation).containsExactly(ApiOperation.QUERY);
  }

  @Test
  void queryWithEscapedLiteralsFindsTrickyValues() {
    String tricky = "Krusty's \\ \"Krab\"";
    String id = EMULATOR.get().createRecord("Lead", lead(tricky, null));
    QueryResult result =
        client.query(Soql.selectIdWhere("Lead", Map.of("LastName", tricky), Soql.Junction.OR), 10);
    assertThat(result.ids()).containsExactly(id);
    assertThat(
            client
                .query(
                    Soql.selectIdWhere("Lead", Map.of("LastName", "Krusty's"), Soql.Junction.OR),
                    10)
                .ids())
        .isEmpty();
  }

  @Test
  void describeIsCachedPerObject() {
    SObjectDescribe lead = client.describe("Lead");
    assertThat(lead.name()).isEqualTo("Lead");
    assertThat(lead.field("lastname"))
        .hasValueSatisfying(f -> assertThat(f.requiredOnCreate()).isTrue());
    assertThat(lead.field("Ext__c")).hasValueSatisfying(f -> assertThat(f.externalId()).isTrue());
    assertThat(client.describe("lead")).isSameAs(lead);
    assertThat(client.describeGlobal())
        .extracting(o -> o.name())
        .contains("Lead", "Account", "Contact", "Case");
    assertThat(calls).filteredOn(c -> c.operation() == ApiOperation.DESCRIBE).hasSize(1);
  }

  @Test
  void collectionsSplitLargeListsAndReportPerRecordErrors() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 205; i++) {
      records.add(i == 3 ? Map.of("Company", "No last name") : lead("L" + i, "E" + i));
    }
    List<SaveResult> created = client.createAll("Lead", records, false);
    assertThat(created).hasSize(205);
    assertThat(created.get(3).success()).isFalse();
    assertThat(created.get(3).firstError().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(created.get(3).firstError().retryable()).isFalse();
    assertThat(created).filteredOn(SaveResult::success).hasSize(204);
    assertThat(calls).filteredOn(c -> c.operation() == ApiOperation.COLLECTION_CREATE).hasSize(2);

    List<Map<String, Object>> updates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      updates.add(Map.of("Id", created.get(i).id(), "LastName", "U" + i));
    }
    assertThat(client.updateAll("Lead", updates, true)).allMatch(SaveResult::success);
    assertThat(EMULATOR.get().record("Lead", created.get(0).id()).orElseThrow())
        .containsEntry("LastName", "U0");

    List<SaveResult> upserted =
        client.upsertAll(
            "Lead", "Ext__c", List.of(lead("New", "E-new"), lead("Changed", "E0")), true);
    assertThat(upserted).extracting(SaveResult::created).containsExactly(true, false);

    List<SaveResult> deleted =
        client.deleteAll(List.of(created.get(0).id(), created.get(1).id()), false);
    assertThat(deleted).allMatch(SaveResult::success);
    assertThat(EMULATOR.get().record("Lead", created.get(1).id())).isEmpty();
  }

  @Test
  void allOrNoneRollsBackTheWholeCall() {
    List<SaveResult> results =
        client.createAll("Lead", List.of(lead("Ok", null), Map.of("Company", "x")), true);
    assertThat(results).noneMatch(SaveResult::success);
    assertThat(results.get(0).firstError().statusCode())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(EMULATOR.get().records("Lead")).isEmpty();
  }
}
