package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SemiJoinQueryTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  private static List<String> names(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.get("records").forEach(r -> names.add(r.get("Name").asText()));
    return names;
  }

  @Test
  void semiJoinsKeepAndAntiJoinsDropRecordsReferencedByTheSubquery(SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    String globex = sf.createRecord("Account", Map.of("Name", "Globex"));
    sf.createRecord("Account", Map.of("Name", "Initech"));
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    sf.createRecord("Contact", Map.of("LastName", "Roe", "AccountId", globex));
    sf.createRecord("Contact", Map.of("LastName", "Loner"));
    SfHttp http = new SfHttp(sf).login();
    assertThat(
            names(
                http.query(
                        "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)"
                            + " ORDER BY Name")
                    .json()))
        .containsExactly("Acme", "Globex");
    assertThat(
            names(
                http.query(
                        "SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact)")
                    .json()))
        .containsExactly("Initech");
    assertThat(
            names(
                http.query(
                        "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE"
                            + " LastName = 'Roe') OR Name = 'Initech' ORDER BY Name")
                    .json()))
        .containsExactly("Globex", "Initech");
    // A reference field on the left: contacts whose account has an opportunity.
    sf.createRecord(
        "Opportunity",
        Map.of(
            "Name",
            "Big",
            "StageName",
            "Prospecting",
            "CloseDate",
            "2030-01-01",
            "AccountId",
            acme));
    JsonNode contacts =
        http.query(
                "SELECT LastName FROM Contact WHERE AccountId IN (SELECT AccountId FROM"
                    + " Opportunity)")
            .json();
    assertThat(contacts.get("totalSize").asInt()).isEqualTo(1);
    assertThat(contacts.get("records").get(0).get("LastName").asText()).isEqualTo("Doe");
    // An anti-join keeps records whose reference is empty.
    assertThat(
            http.query(
                    "SELECT LastName FROM Contact WHERE AccountId NOT IN (SELECT AccountId FROM"
                        + " Opportunity)")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(2);
    assertThat(
            http.query("SELECT COUNT() FROM Account WHERE Id IN (SELECT AccountId FROM Contact)")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void bulkQueryJobsFilterBySemiJoinsToo(SalesforceEmulator sf) throws Exception {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    sf.createRecord("Account", Map.of("Name", "Initech"));
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    SfHttp http = new SfHttp(sf).login();
    assertThat(
            http.bulkQueryCsv(
                "SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact)"))
        .isEqualTo("\"Name\"\n\"Initech\"\n");
  }

  @Test
  void semiJoinsSeeRecordsWrittenAfterAnEarlierQuery(SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    SfHttp http = new SfHttp(sf).login();
    String soql = "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)";
    assertThat(http.query(soql).json().get("totalSize").asInt()).isZero();
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    assertThat(http.query(soql).json().get("totalSize").asInt()).isEqualTo(1);
  }

  @Test
  void salesforceRestrictionsOnSemiJoinsAreAnsweredAsMalformedQuery(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res nested =
        http.query(
            "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE"
                + " Id IN (SELECT ContactId FROM Case))");
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(nested.json().get(0).get("message").asText())
        .contains("^")
        .endsWith("Nesting of semi join sub-selects is not supported");
    SfHttp.Res twoFields =
        http.query("SELECT Id FROM Account WHERE Id IN (SELECT AccountId, Id FROM Contact)");
    assertThat(twoFields.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(twoFields.json().get(0).get("message").asText())
        .contains("exactly one id or reference field");
    SfHttp.Res textField =
        http.query("SELECT Id FROM Account WHERE Id IN (SELECT LastName FROM Contact)");
    assertThat(textField.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(textField.json().get(0).get("message").asText()).endsWith("not: LastName");
    SfHttp.Res textLeft =
        http.query("SELECT Id FROM Account WHERE Name IN (SELECT AccountId FROM Contact)");
    assertThat(textLeft.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(textLeft.json().get(0).get("message").asText()).endsWith("not: Name");
    SfHttp.Res unknownObject =
        http.query("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Nope)");
    assertThat(unknownObject.errorCode()).isEqualTo("INVALID_TYPE");
    SfHttp.Res unknownField =
        http.query("SELECT Id FROM Account WHERE Id IN (SELECT Nope FROM Contact)");
    assertThat(unknownField.errorCode()).isEqualTo("INVALID_FIELD");
    SfHttp.Res three =
        http.query(
            "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) AND Id IN"
                + " (SELECT AccountId FROM Case) AND Id NOT IN (SELECT AccountId FROM Opportunity)");
    assertThat(three.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(three.json().get(0).get("message").asText()).contains("No more than 2 semi join");
    assertThat(
            http.query(
                    "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact) AND Id NOT IN"
                        + " (SELECT AccountId FROM Case)")
                .status())
        .isEqualTo(200);
    SfHttp.Res aggregate =
        http.query("SELECT Id FROM Account WHERE Id IN (SELECT COUNT(AccountId) FROM Contact)");
    assertThat(aggregate.errorCode()).isEqualTo("MALFORMED_QUERY");
  }
}
