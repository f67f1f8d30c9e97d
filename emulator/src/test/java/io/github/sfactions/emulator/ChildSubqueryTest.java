package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChildSubqueryTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  @Test
  void childRecordsComeBackNestedUnderTheRelationshipNameOrNullWhenThereAreNone(
      SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    String empty = sf.createRecord("Account", Map.of("Name", "Empty"));
    String doe = sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    sf.createRecord("Contact", Map.of("LastName", "Roe", "AccountId", acme));
    sf.createRecord("Contact", Map.of("LastName", "Loner"));
    SfHttp http = new SfHttp(sf).login();
    JsonNode r =
        http.query(
                "SELECT Id, Name, (SELECT Id, LastName FROM contacts ORDER BY LastName) FROM Account"
                    + " ORDER BY Name")
            .json();
    assertThat(r.get("totalSize").asInt()).isEqualTo(2);
    JsonNode contacts = r.get("records").get(0).get("Contacts");
    assertThat(contacts.get("totalSize").asInt()).isEqualTo(2);
    assertThat(contacts.get("done").asBoolean()).isTrue();
    assertThat(contacts.get("records").get(0).get("attributes").get("type").asText())
        .isEqualTo("Contact");
    assertThat(contacts.get("records").get(0).get("attributes").get("url").asText())
        .endsWith("/sobjects/Contact/" + doe);
    assertThat(contacts.get("records").get(0).get("LastName").asText()).isEqualTo("Doe");
    assertThat(contacts.get("records").get(1).get("LastName").asText()).isEqualTo("Roe");
    JsonNode none = r.get("records").get(1);
    assertThat(none.get("Id").asText()).isEqualTo(empty);
    assertThat(none.has("Contacts")).isTrue();
    assertThat(none.get("Contacts").isNull()).isTrue();
  }

  @Test
  void whereOrderByAndLimitApplyPerParent(SalesforceEmulator sf) {
    String a = sf.createRecord("Account", Map.of("Name", "A"));
    String b = sf.createRecord("Account", Map.of("Name", "B"));
    for (String n : new String[] {"Ann", "Bob", "Cid", "Dan"}) {
      sf.createRecord("Contact", Map.of("LastName", n, "AccountId", a));
      sf.createRecord("Contact", Map.of("LastName", n, "AccountId", b));
    }
    sf.createRecord(
        "Opportunity",
        Map.of(
            "Name", "Big", "StageName", "Prospecting", "CloseDate", "2030-01-01", "AccountId", b));
    SfHttp http = new SfHttp(sf).login();
    JsonNode r =
        http.query(
                "SELECT Name, (SELECT LastName, Account.Name FROM Contacts WHERE LastName != 'Dan'"
                    + " ORDER BY LastName DESC LIMIT 2), (SELECT Name FROM Opportunities) FROM Account ORDER BY Name")
            .json();
    for (int i = 0; i < 2; i++) {
      JsonNode contacts = r.get("records").get(i).get("Contacts");
      assertThat(contacts.get("totalSize").asInt()).isEqualTo(2);
      assertThat(contacts.get("records").get(0).get("LastName").asText()).isEqualTo("Cid");
      assertThat(contacts.get("records").get(1).get("LastName").asText()).isEqualTo("Bob");
      assertThat(contacts.get("records").get(0).get("Account").get("Name").asText())
          .isEqualTo(i == 0 ? "A" : "B");
    }
    assertThat(r.get("records").get(0).get("Opportunities").isNull()).isTrue();
    assertThat(
            r.get("records").get(1).get("Opportunities").get("records").get(0).get("Name").asText())
        .isEqualTo("Big");
  }

  @Test
  void childrenFollowEveryPageOfAPagedParentQuery(SalesforceEmulator sf) {
    for (int i = 0; i < 250; i++) {
      String acc = sf.createRecord("Account", Map.of("Name", String.format("Acc%03d", i)));
      sf.createRecord("Contact", Map.of("LastName", "C" + i, "AccountId", acc));
    }
    SfHttp http = new SfHttp(sf).login();
    JsonNode first =
        http.get(
                SfHttp.V
                    + "/query?q="
                    + java.net.URLEncoder.encode(
                        "SELECT Name, (SELECT LastName"
                            + " FROM Contacts) FROM Account ORDER BY Name",
                        java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Sforce-Query-Options", "batchSize=200"))
            .json();
    assertThat(first.get("records").size()).isEqualTo(200);
    JsonNode second = http.get(first.get("nextRecordsUrl").asText()).json();
    assertThat(second.get("records").size()).isEqualTo(50);
    assertThat(
            second
                .get("records")
                .get(49)
                .get("Contacts")
                .get("records")
                .get(0)
                .get("LastName")
                .asText())
        .isEqualTo("C249");
  }

  @Test
  void unknownRelationshipsNestedSubqueriesAndBulkJobsAreRefusedByName(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res unknown = http.query("SELECT Id, (SELECT Id FROM Contact) FROM Account");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("INVALID_TYPE");
    assertThat(unknown.json().get(0).get("message").asText())
        .contains("^")
        .contains("Didn't understand relationship 'Contact' in FROM part of query call");
    SfHttp.Res badField = http.query("SELECT Id, (SELECT Nope FROM Contacts) FROM Account");
    assertThat(badField.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(badField.json().get(0).get("message").asText())
        .contains("No such column 'Nope' on entity 'Contact'");
    SfHttp.Res nested =
        http.query("SELECT Id, (SELECT Id, (SELECT Id FROM Cases) FROM Contacts) FROM Account");
    assertThat(nested.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(nested.json().get(0).get("message").asText()).contains("Nested subqueries");
    SfHttp.Res unclosed = http.query("SELECT Id, (SELECT Id FROM Contacts FROM Account");
    assertThat(unclosed.errorCode()).isEqualTo("MALFORMED_QUERY");
    SfHttp.Res bulk =
        http.post(
            SfHttp.V + "/jobs/query",
            map(
                "operation",
                "query",
                "query",
                "SELECT Id, (SELECT Id FROM Contacts) FROM Account"));
    assertThat(bulk.status()).isEqualTo(400);
    assertThat(bulk.text()).contains("child relationship");
  }
}
