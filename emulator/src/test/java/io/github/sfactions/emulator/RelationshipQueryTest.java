package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RelationshipQueryTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  @Test
  void parentFieldsComeBackNestedUnderTheRelationshipName(SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme", "Industry", "Energy"));
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    sf.createRecord("Contact", Map.of("LastName", "Loner"));
    SfHttp http = new SfHttp(sf).login();
    JsonNode r =
        http.query(
                "SELECT Id, LastName, Account.Name, account.industry, Owner.Username FROM Contact"
                    + " ORDER BY LastName")
            .json();
    assertThat(r.get("totalSize").asInt()).isEqualTo(2);
    JsonNode doe = r.get("records").get(0);
    assertThat(doe.get("Account").get("attributes").get("type").asText()).isEqualTo("Account");
    assertThat(doe.get("Account").get("attributes").get("url").asText())
        .endsWith("/sobjects/Account/" + acme);
    assertThat(doe.get("Account").get("Name").asText()).isEqualTo("Acme");
    assertThat(doe.get("Account").get("Industry").asText()).isEqualTo("Energy");
    assertThat(doe.get("Owner").get("Username").asText())
        .isEqualTo(SalesforceEmulator.DEMO_USERNAME);
    JsonNode loner = r.get("records").get(1);
    assertThat(loner.has("Account")).isTrue();
    assertThat(loner.get("Account").isNull()).isTrue();
  }

  @Test
  void relationshipsOutsideTheSelectListAndUnknownOnesAreRefusedByName(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res where = http.query("SELECT Id FROM Contact WHERE Account.Name = 'Acme'");
    assertThat(where.status()).isEqualTo(400);
    assertThat(where.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(where.json().get(0).get("message").asText())
        .contains("Relationship fields")
        .contains("Account.Name");
    SfHttp.Res unknownField = http.query("SELECT Account.Nope FROM Contact");
    assertThat(unknownField.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(unknownField.json().get(0).get("message").asText())
        .contains("No such column 'Nope' on entity 'Account'");
    SfHttp.Res unknownRel = http.query("SELECT Boss.Name FROM Contact");
    assertThat(unknownRel.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(unknownRel.json().get(0).get("message").asText())
        .contains("Didn't understand relationship 'Boss'");
    SfHttp.Res deep = http.query("SELECT Account.Owner.Name FROM Contact");
    assertThat(deep.errorCode()).isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void bulkQueryCsvHasParentColumns(SalesforceEmulator sf) throws Exception {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    SfHttp http = new SfHttp(sf).login();
    assertThat(http.bulkQueryCsv("SELECT LastName, Account.Name FROM Contact"))
        .isEqualTo("\"LastName\",\"Account.Name\"\n\"Doe\",\"Acme\"\n");
  }
}
