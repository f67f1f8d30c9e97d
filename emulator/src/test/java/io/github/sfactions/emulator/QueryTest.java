package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueryTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private SfHttp.Res query(String soql) {
    return http.get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
  }

  @Test
  void queryProjectsSelectedFieldsWithAttributes() {
    String id =
        emulator
            .get()
            .createRecord("Lead", map("LastName", "Doe", "Company", "Acme", "Email", "d@a.io"));
    emulator.get().createRecord("Lead", map("LastName", "Roe", "Company", "Beta"));
    JsonNode r = query("SELECT Id, email FROM lead WHERE Company = 'acme'").json();
    assertThat(r.get("totalSize").asInt()).isEqualTo(1);
    assertThat(r.get("done").asBoolean()).isTrue();
    assertThat(r.has("nextRecordsUrl")).isFalse();
    JsonNode rec = r.get("records").get(0);
    assertThat(rec.get("attributes").get("type").asText()).isEqualTo("Lead");
    assertThat(rec.get("attributes").get("url").asText()).isEqualTo(V + "/sobjects/Lead/" + id);
    assertThat(rec.get("Id").asText()).isEqualTo(id);
    assertThat(rec.get("Email").asText()).isEqualTo("d@a.io");
    assertThat(rec.has("LastName")).isFalse();
  }

  @Test
  void emptyResultAndCountQuery() {
    assertThat(query("SELECT Id FROM Case").text())
        .isEqualTo("{\"totalSize\":0,\"done\":true,\"records\":[]}");
    emulator.get().createRecord("Case", map("Subject", "a"));
    emulator.get().createRecord("Case", map("Subject", "b"));
    JsonNode count = query("SELECT COUNT() FROM Case").json();
    assertThat(count.get("totalSize").asInt()).isEqualTo(2);
    assertThat(count.get("records")).isEmpty();
  }

  @Test
  void trailingSlashAndPlusForSpacesWork() {
    emulator.get().createRecord("Account", map("Name", "Acme"));
    SfHttp.Res r = http.get(V + "/query/?q=SELECT+Id+FROM+Account");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("totalSize").asInt()).isEqualTo(1);
  }

  @Test
  void pagesFollowNextRecordsUrlWithBatchSizeHeader() {
    for (int i = 0; i < 450; i++) {
      emulator.get().createRecord("Case", map("Subject", "s" + i));
    }
    SfHttp.Res first =
        http.get(
            V
                + "/query?q="
                + URLEncoder.encode("SELECT Id, Subject FROM Case", StandardCharsets.UTF_8),
            Map.of("Sforce-Query-Options", "batchSize=200"));
    JsonNode page = first.json();
    assertThat(page.get("totalSize").asInt()).isEqualTo(450);
    assertThat(page.get("done").asBoolean()).isFalse();
    Set<String> ids = new HashSet<>();
    int pages = 0;
    while (true) {
      pages++;
      page.get("records").forEach(rec -> ids.add(rec.get("Id").asText()));
      if (page.get("done").asBoolean()) {
        break;
      }
      String next = page.get("nextRecordsUrl").asText();
      assertThat(next).matches("/services/data/v62\\.0/query/01g\\w{15}-\\d+");
      page = http.get(next, Map.of("Sforce-Query-Options", "batchSize=200")).json();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(450);
  }

  @Test
  void defaultPageIs2000Records() {
    for (int i = 0; i < 2001; i++) {
      emulator.get().createRecord("Case", map());
    }
    JsonNode page = query("SELECT Id FROM Case").json();
    assertThat(page.get("records")).hasSize(2000);
    JsonNode rest = http.get(page.get("nextRecordsUrl").asText()).json();
    assertThat(rest.get("records")).hasSize(1);
    assertThat(rest.get("done").asBoolean()).isTrue();
  }

  @Test
  void cursorsAreBoundedAndTheOldestExpires() {
    for (int i = 0; i < 201; i++) {
      emulator.get().createRecord("Case", map());
    }
    Map<String, String> small = Map.of("Sforce-Query-Options", "batchSize=200");
    String soql =
        V + "/query?q=" + URLEncoder.encode("SELECT Id FROM Case", StandardCharsets.UTF_8);
    String first = http.get(soql, small).json().get("nextRecordsUrl").asText();
    String last = null;
    for (int i = 0; i < 500; i++) {
      last = http.get(soql, small).json().get("nextRecordsUrl").asText();
    }
    assertThat(http.get(first).errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
    assertThat(http.get(last).json().get("records")).hasSize(1);
  }

  @Test
  void badLocatorIsInvalidQueryLocator() {
    SfHttp.Res r = http.get(V + "/query/01gDn0000000009AAA-2000");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void queryAllIncludesDeletedRecords() {
    String id = emulator.get().createRecord("Case", map("Subject", "gone"));
    http.delete(V + "/sobjects/Case/" + id);
    assertThat(query("SELECT Id FROM Case").json().get("totalSize").asInt()).isZero();
    JsonNode all =
        http.get(
                V
                    + "/queryAll?q="
                    + URLEncoder.encode("SELECT Id, IsDeleted FROM Case", StandardCharsets.UTF_8))
            .json();
    assertThat(all.get("totalSize").asInt()).isEqualTo(1);
    assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
  }

  @Test
  void soqlErrorsUseSalesforceCodes() {
    SfHttp.Res malformed = query("SELECT Id FRM Case");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo("MALFORMED_QUERY");
    SfHttp.Res type = query("SELECT Id FROM Nope__c");
    assertThat(type.errorCode()).isEqualTo("INVALID_TYPE");
    SfHttp.Res field = query("SELECT Bacon__c FROM Account");
    assertThat(field.errorCode()).isEqualTo("INVALID_FIELD");
    SfHttp.Res notFilterable = query("SELECT Id FROM Case WHERE Description = 'x'");
    assertThat(notFilterable.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(notFilterable.json().get(0).get("message").asText()).contains("can not be filtered");
    SfHttp.Res mixed =
        query("SELECT Id FROM Case WHERE Subject = 'a' AND Origin = 'b' OR Status = 'c'");
    assertThat(mixed.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(http.get(V + "/query").errorCode()).isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void queryCountsAsApiCallOnTheObject() {
    query("SELECT Id FROM Account");
    assertThat(emulator.get().stats().byEndpoint()).containsEntry("query", 1L);
    assertThat(emulator.get().stats().byObject()).containsEntry("Account", 1L);
  }
}
