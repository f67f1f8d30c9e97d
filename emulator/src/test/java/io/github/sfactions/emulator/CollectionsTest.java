package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectionsTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private static Map<String, Object> rec(String type, Object... kv) {
    Map<String, Object> m = map(kv);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("attributes", Map.of("type", type));
    out.putAll(m);
    return out;
  }

  @Test
  void createReturnsSaveResultsInRequestOrderAndFailuresAreIndependent() {
    SfHttp.Res r =
        http.post(
            V + "/composite/sobjects",
            map(
                "allOrNone",
                false,
                "records",
                List.of(
                    rec("Account", "Name", "A"),
                    rec("Lead", "LastName", "X"),
                    rec("Case", "Subject", "C"))));
    assertThat(r.status()).isEqualTo(200);
    JsonNode a = r.json();
    assertThat(a.get(0).get("success").asBoolean()).isTrue();
    assertThat(a.get(0).get("id").asText()).startsWith("001");
    assertThat(a.get(1).get("success").asBoolean()).isFalse();
    assertThat(a.get(1).has("id")).isFalse();
    JsonNode err = a.get(1).get("errors").get(0);
    assertThat(err.get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(err.has("errorCode")).isFalse();
    assertThat(err.get("fields").get(0).asText()).isEqualTo("Company");
    assertThat(a.get(2).get("id").asText()).startsWith("500");
    assertThat(emulator.get().records("Account")).hasSize(1);
    assertThat(emulator.get().records("Case")).hasSize(1);
  }

  @Test
  void allOrNoneRollsBackEveryRecordOnAnyFailure() {
    String existing = emulator.get().createRecord("Account", map("Name", "Keep"));
    SfHttp.Res r =
        http.post(
            V + "/composite/sobjects",
            map(
                "allOrNone",
                true,
                "records",
                List.of(rec("Account", "Name", "A"), rec("Case", "Subject", "x".repeat(300)))));
    assertThat(r.status()).isEqualTo(200);
    JsonNode a = r.json();
    assertThat(a.get(0).get("success").asBoolean()).isFalse();
    assertThat(a.get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(a.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("STRING_TOO_LONG");
    assertThat(emulator.get().records("Account"))
        .extracting(m -> m.get("Id"))
        .containsExactly(existing);
    assertThat(emulator.get().records("Case")).isEmpty();

    SfHttp.Res upd =
        http.patch(
            V + "/composite/sobjects",
            map(
                "allOrNone",
                true,
                "records",
                List.of(
                    rec("Account", "id", existing, "Name", "Changed"),
                    rec("Account", "id", existing, "Name", null))));
    assertThat(upd.json().get(0).get("success").asBoolean()).isFalse();
    assertThat(emulator.get().record("Account", existing).orElseThrow().get("Name"))
        .isEqualTo("Keep");
  }

  @Test
  void updateAndDeleteCollections() {
    String a = emulator.get().createRecord("Account", map("Name", "A"));
    String b = emulator.get().createRecord("Account", map("Name", "B"));
    SfHttp.Res upd =
        http.patch(
            V + "/composite/sobjects",
            map(
                "records",
                List.of(
                    rec("Account", "id", a, "Phone", "1"),
                    rec("Account", "id", "001Dn0000099999AAA", "Phone", "2"))));
    assertThat(upd.json().get(0).get("success").asBoolean()).isTrue();
    assertThat(upd.json().get(1).get("success").asBoolean()).isFalse();
    assertThat(upd.json().get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("NOT_FOUND");
    SfHttp.Res del = http.delete(V + "/composite/sobjects?ids=" + a + "," + b.substring(0, 15));
    assertThat(del.json().get(0).get("id").asText()).isEqualTo(a);
    assertThat(del.json().get(1).get("success").asBoolean()).isTrue();
    assertThat(emulator.get().records("Account")).isEmpty();
  }

  @Test
  void upsertCollectionReportsCreatedAndDuplicateValues() {
    emulator.get().createRecord("Foo__c", map("Ext__c", "E1"));
    SfHttp.Res r =
        http.patch(
            V + "/composite/sobjects/Foo__c/Ext__c",
            map(
                "allOrNone",
                false,
                "records",
                List.of(
                    rec("Foo__c", "Ext__c", "E1", "Count__c", 1), rec("Foo__c", "Ext__c", "E2"),
                    rec("Foo__c", "Ext__c", "D"), rec("Foo__c", "Ext__c", "d"))));
    JsonNode a = r.json();
    assertThat(a.get(0).get("created").asBoolean()).isFalse();
    assertThat(a.get(1).get("created").asBoolean()).isTrue();
    assertThat(a.get(2).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("DUPLICATE_VALUE");
    assertThat(a.get(3).get("success").asBoolean()).isFalse();
    assertThat(emulator.get().records("Foo__c")).hasSize(2);
  }

  @Test
  void retrieveReturnsRecordsOrNull() {
    String a = emulator.get().createRecord("Account", map("Name", "A"));
    SfHttp.Res r =
        http.get(V + "/composite/sobjects/Account?ids=" + a + ",001Dn0000099999AAA&fields=Name");
    assertThat(r.json().get(0).get("Name").asText()).isEqualTo("A");
    assertThat(r.json().get(1).isNull()).isTrue();
    SfHttp.Res p =
        http.post(
            V + "/composite/sobjects/Account", map("ids", List.of(a), "fields", List.of("Id")));
    assertThat(p.json().get(0).get("Id").asText()).isEqualTo(a);
  }

  @Test
  void injectedRowFaultsFailSingleRecordsAndAllOrNoneRollsBack() {
    emulator.get().faults().failNextRows("UNABLE_TO_LOCK_ROW", 1, null);
    SfHttp.Res r =
        http.post(
            V + "/composite/sobjects",
            map("records", List.of(rec("Account", "Name", "A"), rec("Account", "Name", "B"))));
    assertThat(r.json().get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(r.json().get(1).get("success").asBoolean()).isTrue();
    emulator.get().faults().failNextRows("DUPLICATES_DETECTED", 1, "Account");
    SfHttp.Res all =
        http.post(
            V + "/composite/sobjects",
            map(
                "allOrNone",
                true,
                "records",
                List.of(rec("Account", "Name", "C"), rec("Account", "Name", "D"))));
    assertThat(all.json().get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("DUPLICATES_DETECTED");
    assertThat(all.json().get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(emulator.get().records("Account"))
        .extracting(m -> m.get("Name"))
        .containsExactly("B");
    assertThat(emulator.get().faults().current().rowFaults()).isEmpty();
  }

  @Test
  void moreThan200RecordsIsRejected() {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      records.add(rec("Case", "Subject", "s" + i));
    }
    SfHttp.Res r = http.post(V + "/composite/sobjects", map("records", records));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
    assertThat(emulator.get().records("Case")).isEmpty();
  }

  @Test
  void malformedCollectionBodyIs400() {
    assertThat(http.post(V + "/composite/sobjects", "{\"records\": 5}").errorCode())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(http.post(V + "/composite/sobjects", "{oops").errorCode())
        .isEqualTo("JSON_PARSER_ERROR");
  }
}
