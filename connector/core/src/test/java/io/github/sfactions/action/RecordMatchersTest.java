package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMatchersTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void singleStringMatcherIsQuoted() {
    assertThat(RecordMatchers.selectIdSoql("Lead", map("Email", "sponge@seamail.com"), null))
        .isEqualTo("SELECT Id FROM Lead WHERE Email = 'sponge@seamail.com'");
  }

  @Test
  void numbersAndBooleansAreUnquotedAndConditionsKeepInsertionOrderWithAnd() {
    assertThat(
            RecordMatchers.selectIdSoql(
                "Lead",
                map("Email", "sponge@seamail.com", "IsDeleted", false, "NumberOfEmployees", 3),
                "AND"))
        .isEqualTo(
            "SELECT Id FROM Lead WHERE Email = 'sponge@seamail.com' AND IsDeleted = false"
                + " AND NumberOfEmployees = 3");
  }

  @Test
  void orIsTheDefaultAndNumbersUseJavaScriptFormatting() {
    assertThat(
            RecordMatchers.selectIdSoql(
                "Account",
                map("NumberOfEmployees", new BigDecimal("2.0"), "AnnualRevenue", 3.5),
                null))
        .isEqualTo("SELECT Id FROM Account WHERE NumberOfEmployees = 2 OR AnnualRevenue = 3.5");
    assertThat(RecordMatchers.selectIdSoql("Account", map("Name", "x"), ""))
        .endsWith("WHERE Name = 'x'");
  }

  @Test
  void quotesAreEscapedAsInTheReference() {
    assertThat(RecordMatchers.selectIdSoql("Lead", map("Company", "Krusty's Krab"), "OR"))
        .isEqualTo("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s Krab'");
  }

  @Test
  void backslashesAndControlCharactersAreEscapedDeviation1() {
    assertThat(RecordMatchers.selectIdSoql("Lead", map("Description", "C:\\temp\nx"), null))
        .isEqualTo("SELECT Id FROM Lead WHERE Description = 'C:\\\\temp\\nx'");
  }

  @Test
  void invalidOperatorIsRejectedBeforeAnythingElseWithTheReferenceMessage() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("Email", null);
    assertThatThrownBy(() -> RecordMatchers.selectIdSoql("Lead", bad, "or"))
        .isInstanceOf(ActionException.class)
        .hasMessage("Invalid SOQL operator - or")
        .extracting("code", "status")
        .containsExactly("Invalid SOQL operator", 400);
  }

  @Test
  void nullMapAndListValuesAreUnsupportedTypes() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("Email", null);
    for (Map<String, Object> matchers :
        List.of(withNull, map("Email", Map.of("a", 1)), map("Email", List.of(1)))) {
      assertThatThrownBy(() -> RecordMatchers.selectIdSoql("Lead", matchers, null))
          .isInstanceOf(ActionException.class)
          .hasMessage("Unsupported datatype for record matcher traits - object")
          .extracting("code", "status")
          .containsExactly("Unsupported Type", 400);
    }
  }

  @Test
  void fieldNamesThatAreNotApiNamesAreRejectedNotStrippedDeviation2() {
    assertThatThrownBy(() -> RecordMatchers.selectIdSoql("Lead", map("email__c's!'", "x"), null))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("Invalid field name")
        .extracting("status")
        .isEqualTo(400);
    assertThatThrownBy(() -> RecordMatchers.selectIdSoql("Lead", map("Account.Name", "x"), null))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("Invalid field name");
  }

  @Test
  void objectNameIsValidated() {
    assertThatThrownBy(() -> RecordMatchers.selectIdSoql("Lead WHERE", map("Email", "x"), null))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("Invalid object name");
  }
}
