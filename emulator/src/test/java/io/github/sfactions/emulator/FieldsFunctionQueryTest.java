package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FieldsFunctionQueryTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  private static List<String> keys(JsonNode record) {
    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    keys.remove("attributes");
    return keys;
  }

  @Test
  void fieldsStandardSelectsEveryStandardFieldWithoutALimit(SalesforceEmulator sf) {
    sf.createRecord("Account", Map.of("Name", "Acme", "Customer_Number__c", "C-1"));
    SfHttp http = new SfHttp(sf).login();
    JsonNode record =
        http.query("SELECT FIELDS(STANDARD) FROM Account").json().get("records").get(0);
    assertThat(keys(record))
        .contains("Id", "Name", "Industry", "CreatedDate", "OwnerId")
        .doesNotContain("Customer_Number__c");
    assertThat(record.get("Name").asText()).isEqualTo("Acme");
  }

  @Test
  void fieldsCustomAndAllNeedALimitOfAtMost200(SalesforceEmulator sf) {
    sf.createRecord("Account", Map.of("Name", "Acme", "Customer_Number__c", "C-1"));
    SfHttp http = new SfHttp(sf).login();
    JsonNode custom =
        http.query("SELECT Name, FIELDS(custom) FROM Account LIMIT 200")
            .json()
            .get("records")
            .get(0);
    assertThat(keys(custom)).containsExactly("Name", "Customer_Number__c");
    assertThat(custom.get("Customer_Number__c").asText()).isEqualTo("C-1");
    JsonNode all =
        http.query("SELECT FIELDS(ALL) FROM Account LIMIT 1").json().get("records").get(0);
    assertThat(keys(all)).contains("Id", "Name", "Customer_Number__c");
    for (String soql :
        List.of(
            "SELECT FIELDS(ALL) FROM Account", "SELECT FIELDS(CUSTOM) FROM Account LIMIT 201")) {
      SfHttp.Res refused = http.query(soql);
      assertThat(refused.status()).as(soql).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("MALFORMED_QUERY");
      assertThat(refused.json().get(0).get("message").asText())
          .contains("^")
          .endsWith("The SOQL FIELDS function must have a LIMIT of at most 200");
    }
  }

  @Test
  void fieldsWorksInChildSubqueriesAndRefusesDuplicatesAndUnknownGroups(SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    sf.createRecord("Contact", Map.of("LastName", "Doe", "AccountId", acme));
    SfHttp http = new SfHttp(sf).login();
    JsonNode contact =
        http.query("SELECT Name, (SELECT FIELDS(STANDARD) FROM Contacts) FROM Account")
            .json()
            .get("records")
            .get(0)
            .get("Contacts")
            .get("records")
            .get(0);
    assertThat(contact.get("LastName").asText()).isEqualTo("Doe");
    SfHttp.Res duplicate = http.query("SELECT Id, FIELDS(STANDARD) FROM Account");
    assertThat(duplicate.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(duplicate.json().get(0).get("message").asText())
        .isEqualTo("duplicate field selected: Id");
    SfHttp.Res unknownGroup = http.query("SELECT FIELDS(SOME) FROM Account");
    assertThat(unknownGroup.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(unknownGroup.json().get(0).get("message").asText())
        .endsWith("unexpected token: 'SOME'");
    SfHttp.Res grouped = http.query("SELECT FIELDS(STANDARD) FROM Account GROUP BY Name");
    assertThat(grouped.errorCode()).isEqualTo("MALFORMED_QUERY");
  }
}
