package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomChildSubqueryTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  @Test
  void customChildrenAreReachedThroughTheirPluralLabelWithUnderscoreR(SalesforceEmulator sf) {
    String acme = sf.createRecord("Account", Map.of("Name", "Acme"));
    sf.createRecord("Foo__c", Map.of("Ext__c", "F1", "Account__c", acme, "Count__c", 2));
    sf.createRecord("Foo__c", Map.of("Ext__c", "F2", "Account__c", acme, "Count__c", 5));
    SfHttp http = new SfHttp(sf).login();
    JsonNode foos =
        http.query("SELECT Name, (SELECT Ext__c FROM Foos__r WHERE Count__c > 3) FROM Account")
            .json()
            .get("records")
            .get(0)
            .get("Foos__r");
    assertThat(foos.get("totalSize").asInt()).isEqualTo(1);
    assertThat(foos.get("records").get(0).get("attributes").get("type").asText())
        .isEqualTo("Foo__c");
    assertThat(foos.get("records").get(0).get("Ext__c").asText()).isEqualTo("F2");
    JsonNode sum =
        http.query("SELECT Account__c, SUM(Count__c) total FROM Foo__c GROUP BY Account__c")
            .json()
            .get("records")
            .get(0);
    assertThat(sum.get("Account__c").asText()).isEqualTo(acme);
    assertThat(sum.get("total").asInt()).isEqualTo(7);
    assertThat(
            http.query("SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Foo__c)")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(1);
  }
}
