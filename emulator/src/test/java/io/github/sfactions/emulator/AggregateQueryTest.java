package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AggregateQueryTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  private static void opportunity(SalesforceEmulator sf, String name, String stage, Object amount) {
    Map<String, Object> fields =
        new java.util.HashMap<>(
            Map.of("Name", name, "StageName", stage, "CloseDate", "2030-01-01"));
    if (amount != null) {
      fields.put("Amount", amount);
    }
    sf.createRecord("Opportunity", fields);
  }

  private static void seed(SalesforceEmulator sf) {
    opportunity(sf, "A", "Prospecting", 100);
    opportunity(sf, "B", "prospecting", 300);
    opportunity(sf, "C", "Closed Won", 1000);
    opportunity(sf, "D", "Closed Won", null);
    opportunity(sf, "E", "Closed Won", 2000);
  }

  @Test
  void groupByAnswersOneAggregateResultPerGroupWithAliasesAndDefaultExprNames(
      SalesforceEmulator sf) {
    seed(sf);
    SfHttp http = new SfHttp(sf).login();
    JsonNode r =
        http.query(
                "SELECT StageName, COUNT(Id) cnt, COUNT(Amount), SUM(Amount), AVG(Amount) avgAmount,"
                    + " MIN(Name), MAX(Amount) FROM Opportunity GROUP BY StageName ORDER BY StageName")
            .json();
    assertThat(r.get("totalSize").asInt()).isEqualTo(2);
    assertThat(r.get("done").asBoolean()).isTrue();
    assertThat(r.has("nextRecordsUrl")).isFalse();
    JsonNode won = r.get("records").get(0);
    assertThat(won.get("attributes").get("type").asText()).isEqualTo("AggregateResult");
    assertThat(won.get("attributes").has("url")).isFalse();
    assertThat(won.get("StageName").asText()).isEqualTo("Closed Won");
    assertThat(won.get("cnt").asInt()).isEqualTo(3);
    assertThat(won.get("expr0").asInt()).isEqualTo(2);
    assertThat(won.get("expr1").decimalValue()).isEqualByComparingTo("3000");
    assertThat(won.get("avgAmount").decimalValue()).isEqualByComparingTo("1500");
    assertThat(won.get("expr2").asText()).isEqualTo("C");
    assertThat(won.get("expr3").decimalValue()).isEqualByComparingTo("2000");
    assertThat(won.fieldNames())
        .toIterable()
        .containsExactly(
            "attributes", "StageName", "cnt", "expr0", "expr1", "avgAmount", "expr2", "expr3");
    // Text groups case-insensitively, as Salesforce compares it.
    JsonNode prospecting = r.get("records").get(1);
    assertThat(prospecting.get("cnt").asInt()).isEqualTo(2);
    assertThat(prospecting.get("expr1").decimalValue()).isEqualByComparingTo("400");
  }

  @Test
  void aggregatesWithoutGroupByAnswerOneRowEvenWhenNothingMatches(SalesforceEmulator sf) {
    seed(sf);
    SfHttp http = new SfHttp(sf).login();
    JsonNode all =
        http.query(
                "SELECT COUNT(Id), COUNT_DISTINCT(StageName) stages, SUM(Amount) FROM Opportunity")
            .json()
            .get("records");
    assertThat(all.size()).isEqualTo(1);
    assertThat(all.get(0).get("expr0").asInt()).isEqualTo(5);
    assertThat(all.get(0).get("stages").asInt()).isEqualTo(2);
    assertThat(all.get(0).get("expr1").decimalValue()).isEqualByComparingTo("3400");
    JsonNode none =
        http.query("SELECT COUNT(Id), SUM(Amount) FROM Opportunity WHERE Name = 'nobody'")
            .json()
            .get("records");
    assertThat(none.size()).isEqualTo(1);
    assertThat(none.get(0).get("expr0").asInt()).isZero();
    assertThat(none.get(0).get("expr1").isNull()).isTrue();
  }

  @Test
  void groupByManyFieldsOrdersByAggregatesAndCutsWithLimitAndOffset(SalesforceEmulator sf) {
    seed(sf);
    opportunity(sf, "F", "Closed Won", 1000);
    SfHttp http = new SfHttp(sf).login();
    JsonNode rows =
        http.query(
                "SELECT StageName, Amount, COUNT(Id) FROM Opportunity WHERE Amount != null"
                    + " GROUP BY StageName, Amount ORDER BY COUNT(Id) DESC, Amount LIMIT 2 OFFSET 0")
            .json()
            .get("records");
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(0).get("Amount").decimalValue()).isEqualByComparingTo("1000");
    assertThat(rows.get(0).get("expr0").asInt()).isEqualTo(2);
    assertThat(rows.get(1).get("Amount").decimalValue()).isEqualByComparingTo("100");
    JsonNode distinct =
        http.query(
                "SELECT StageName FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount)"
                    + " DESC LIMIT 1 OFFSET 1")
            .json()
            .get("records");
    assertThat(distinct.size()).isEqualTo(1);
    assertThat(distinct.get(0).get("StageName").asText()).isEqualToIgnoringCase("prospecting");
    assertThat(distinct.get(0).has("expr0")).isFalse();
  }

  @Test
  void havingFiltersGroupsByAggregatesAndGroupedFields(SalesforceEmulator sf) {
    seed(sf);
    SfHttp http = new SfHttp(sf).login();
    JsonNode big =
        http.query(
                "SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName"
                    + " HAVING COUNT(Id) > 2")
            .json()
            .get("records");
    assertThat(big.size()).isEqualTo(1);
    assertThat(big.get(0).get("StageName").asText()).isEqualTo("Closed Won");
    // An aggregate only in HAVING is computed but not answered.
    JsonNode rich =
        http.query(
                "SELECT StageName FROM Opportunity GROUP BY StageName"
                    + " HAVING SUM(Amount) < 1000 AND StageName LIKE 'Pro%'")
            .json()
            .get("records");
    assertThat(rich.size()).isEqualTo(1);
    assertThat(rich.get(0).get("StageName").asText()).isEqualToIgnoringCase("prospecting");
    assertThat(rich.get(0).has("expr0")).isFalse();
    assertThat(
            http.query(
                    "SELECT StageName FROM Opportunity GROUP BY StageName HAVING MAX(Name) = 'E'")
                .json()
                .get("records")
                .get(0)
                .get("StageName")
                .asText())
        .isEqualTo("Closed Won");
    SfHttp.Res ungrouped =
        http.query("SELECT StageName FROM Opportunity GROUP BY StageName HAVING Name = 'A'");
    assertThat(ungrouped.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(ungrouped.json().get(0).get("message").asText())
        .endsWith("Field must be grouped or aggregated: Name");
    SfHttp.Res wrongType =
        http.query(
            "SELECT StageName FROM Opportunity GROUP BY StageName" + " HAVING COUNT(Id) > 'x'");
    assertThat(wrongType.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(wrongType.json().get(0).get("message").asText())
        .endsWith(
            "value of filter criterion for field 'COUNT(Id)' must be of type double and should not be"
                + " enclosed in quotes");
    assertThat(http.query("SELECT COUNT(Id) FROM Opportunity HAVING COUNT(Id) > 1").errorCode())
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void moreGroupsThanOneBatchIsRefusedAsSalesforceGivesNoLocator(SalesforceEmulator sf) {
    for (int i = 0; i < 2001; i++) {
      sf.createRecord("Account", Map.of("Name", "Acc" + i));
    }
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res tooMany = http.query("SELECT Name, COUNT(Id) FROM Account GROUP BY Name");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
    assertThat(tooMany.json().get(0).get("message").asText())
        .isEqualTo(
            "Aggregate query does not support"
                + " queryMore(), use LIMIT to restrict the results to a single batch");
    assertThat(
            http.query("SELECT Name, COUNT(Id) FROM Account GROUP BY Name LIMIT 2000")
                .json()
                .get("totalSize")
                .asInt())
        .isEqualTo(2000);
  }

  @Test
  void ungroupedFieldsWrongTypesAndMisplacedAliasesAreRefusedAsSalesforceDoes(
      SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res ungrouped = http.query("SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName");
    assertThat(ungrouped.status()).isEqualTo(400);
    assertThat(ungrouped.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(ungrouped.json().get(0).get("message").asText())
        .contains("^")
        .endsWith("Field must be grouped or aggregated: Name");
    SfHttp.Res ungroupedNoGroupBy = http.query("SELECT Name, COUNT(Id) FROM Opportunity");
    assertThat(ungroupedNoGroupBy.json().get(0).get("message").asText())
        .endsWith("Field must be grouped or aggregated: Name");
    SfHttp.Res orderedUngrouped =
        http.query("SELECT StageName FROM Opportunity GROUP BY StageName ORDER BY Name");
    assertThat(orderedUngrouped.json().get(0).get("message").asText())
        .endsWith("Ordered field must be grouped or aggregated: Name");
    SfHttp.Res sumOfText = http.query("SELECT SUM(Name) FROM Opportunity");
    assertThat(sumOfText.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(sumOfText.json().get(0).get("message").asText())
        .endsWith("field Name does not support aggregate operator SUM");
    SfHttp.Res unknown = http.query("SELECT COUNT(Nope) FROM Opportunity");
    assertThat(unknown.errorCode()).isEqualTo("INVALID_FIELD");
    SfHttp.Res aliasOutsideAggregate = http.query("SELECT Name n FROM Opportunity");
    assertThat(aliasOutsideAggregate.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(aliasOutsideAggregate.json().get(0).get("message").asText())
        .endsWith("unexpected token: 'n'");
    SfHttp.Res duplicateAlias = http.query("SELECT COUNT(Id) c, SUM(Amount) C FROM Opportunity");
    assertThat(duplicateAlias.json().get(0).get("message").asText()).endsWith("duplicate alias: C");
    SfHttp.Res bulk =
        http.post(
            SfHttp.V + "/jobs/query",
            map(
                "operation",
                "query",
                "query",
                "SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName"));
    assertThat(bulk.status()).isEqualTo(400);
    assertThat(bulk.text()).contains("GROUP BY");
    assertThat(http.query("SELECT COUNT() FROM Opportunity").json().get("totalSize").asInt())
        .isZero();
  }
}
