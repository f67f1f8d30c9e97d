package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RelationshipTest {
  @RegisterExtension
  static EmulatorExtension emulator =
      new EmulatorExtension(
          () ->
              TestOrgs.withCustomObjects()
                  .config(
                      TestOrgs.withCustomObjects()
                          .effectiveConfig()
                          .withBulk(new EmulatorConfig.Bulk(null, 0L, null))));

  SfHttp http;
  String account;

  @BeforeEach
  void setUp() {
    http = new SfHttp(emulator.get()).login();
    account =
        emulator.get().createRecord("Account", map("Name", "Acme", "Customer_Number__c", "C-1"));
  }

  @Test
  void restLookupByExternalIdSetsTheReference() {
    SfHttp.Res r =
        http.post(
            V + "/sobjects/Contact",
            map("LastName", "X", "account", map("customer_number__c", "c-1")));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    assertThat(
            emulator
                .get()
                .record("Contact", r.json().get("id").asText())
                .orElseThrow()
                .get("AccountId"))
        .isEqualTo(account);
    SfHttp.Res custom =
        http.patch(
            V + "/sobjects/Foo__c/Ext__c/F1", map("Account__r", map("Customer_Number__c", "C-1")));
    assertThat(custom.status()).isEqualTo(201);
    assertThat(
            emulator
                .get()
                .record("Foo__c", custom.json().get("id").asText())
                .orElseThrow()
                .get("Account__c"))
        .isEqualTo(account);
  }

  @Test
  void unknownForeignKeyIsInvalidField() {
    SfHttp.Res r =
        http.post(
            V + "/sobjects/Contact",
            map("LastName", "X", "Account", map("Customer_Number__c", "NOPE")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(r.json().get(0).get("message").asText())
        .isEqualTo(
            "Foreign key external ID: NOPE not found for field Customer_Number__c in entity Account");
    SfHttp.Res notExt =
        http.post(V + "/sobjects/Contact", map("LastName", "X", "Account", map("Phone", "1")));
    assertThat(notExt.errorCode()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void bulkRelationshipColumnsResolveLookups() {
    SfHttp.Res job = http.post(V + "/jobs/ingest", map("object", "Contact", "operation", "insert"));
    String jobId = job.json().get("id").asText();
    http.send(
        http.authed(V + "/jobs/ingest/" + jobId + "/batches")
            .header("Content-Type", "text/csv")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "LastName,account.CUSTOMER_NUMBER__C\nA,C-1\nB,missing\n")));
    http.patch(V + "/jobs/ingest/" + jobId, map("state", "UploadComplete"));
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode info;
    do {
      info = http.get(V + "/jobs/ingest/" + jobId).json();
    } while (!List.of("JobComplete", "Failed").contains(info.get("state").asText())
        && System.currentTimeMillis() < deadline);
    assertThat(info.get("state").asText()).isEqualTo("JobComplete");
    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
    List<Map<String, Object>> contacts = emulator.get().records("Contact");
    assertThat(contacts).hasSize(1);
    assertThat(contacts.get(0).get("AccountId")).isEqualTo(account);
    assertThat(http.get(V + "/jobs/ingest/" + jobId + "/failedResults").text())
        .contains("INVALID_FIELD:Foreign key external ID: missing not found");
  }
}
