package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlTest {

  @Test
  void escapesBackslashBeforeQuote() {
    assertThat(Soql.literal("C:\\temp")).isEqualTo("'C:\\\\temp'");
    assertThat(Soql.literal("Krusty's Krab")).isEqualTo("'Krusty\\'s Krab'");
    assertThat(Soql.literal("a\\'b")).isEqualTo("'a\\\\\\'b'");
  }

  @Test
  void escapesControlCharactersAndDoubleQuotes() {
    assertThat(Soql.literal("l1\nl2\rx\ty\bz\f\"q\""))
        .isEqualTo("'l1\\nl2\\rx\\ty\\bz\\f\\\"q\\\"'");
  }

  @Test
  void keepsOtherCharactersIncludingUnicode() {
    assertThat(Soql.literal("Zoë % _ 😀")).isEqualTo("'Zoë % _ 😀'");
    assertThat(Soql.literal("")).isEqualTo("''");
  }

  @Test
  void writesNumbersUnquotedLikeJavaScript() {
    assertThat(Soql.literal(2)).isEqualTo("2");
    assertThat(Soql.literal(2L)).isEqualTo("2");
    assertThat(Soql.literal(2.0)).isEqualTo("2");
    assertThat(Soql.literal(3.5)).isEqualTo("3.5");
    assertThat(Soql.literal(0.1f)).isEqualTo("0.1");
    assertThat(Soql.literal(-0.0)).isEqualTo("0");
    assertThat(Soql.literal(new BigDecimal("10.50"))).isEqualTo("10.5");
    assertThat(Soql.literal(new BigDecimal("100"))).isEqualTo("100");
    assertThat(Soql.literal(1e21)).isEqualTo("1e+21");
    assertThat(Soql.literal(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(Soql.literal(123456789012.0)).isEqualTo("123456789012");
  }

  @Test
  void rejectsNonFiniteNumbers() {
    assertThatThrownBy(() -> Soql.literal(Double.NaN))
        .isInstanceOf(SoqlBuildException.class)
        .extracting(e -> ((SoqlBuildException) e).code())
        .isEqualTo(SoqlBuildException.INVALID_NUMBER);
  }

  @Test
  void writesBooleansUnquoted() {
    assertThat(Soql.literal(true)).isEqualTo("true");
    assertThat(Soql.literal(Boolean.FALSE)).isEqualTo("false");
  }

  @Test
  void rejectsUnsupportedTypesWithTheReferenceMessage() {
    for (Object bad :
        new Object[] {null, Map.of("a", 1), List.of(1), new int[] {1}, new Object()}) {
      assertThatThrownBy(() -> Soql.literal(bad))
          .isInstanceOf(SoqlBuildException.class)
          .hasMessage("Unsupported datatype for record matcher traits - object")
          .extracting(e -> ((SoqlBuildException) e).code())
          .isEqualTo(SoqlBuildException.UNSUPPORTED_TYPE);
    }
  }

  @Test
  void acceptsValidApiNames() {
    for (String name :
        List.of(
            "Email",
            "email",
            "isDeleted",
            "Ext__c",
            "Account__r",
            "ns__Field__c",
            "My_Field_2__c",
            "NumberOfEmployees",
            "Obj__mdt")) {
      assertThat(Soql.field(name)).isEqualTo(name);
    }
  }

  @Test
  void rejectsInvalidFieldNamesInsteadOfStrippingThem() {
    for (String name :
        List.of(
            "email__c's!'",
            "Account.Name",
            "",
            "1Field",
            "_x",
            "Bad__",
            "a___b",
            "Name; DELETE",
            "Na me",
            "Field_")) {
      assertThatThrownBy(() -> Soql.field(name))
          .isInstanceOf(SoqlBuildException.class)
          .hasMessageContaining("Invalid field name '" + name + "'")
          .extracting(e -> ((SoqlBuildException) e).code())
          .isEqualTo(SoqlBuildException.INVALID_FIELD_NAME);
    }
    assertThatThrownBy(() -> Soql.field(null)).isInstanceOf(SoqlBuildException.class);
  }

  @Test
  void buildsTheRecordMatcherQueryInInsertionOrder() {
    Map<String, Object> matchers = new LinkedHashMap<>();
    matchers.put("email", "sponge@seamail.com");
    matchers.put("isDeleted", false);
    matchers.put("NumberOfEmployees", 3);
    assertThat(Soql.selectIdWhere("Lead", matchers, Soql.Junction.AND))
        .isEqualTo(
            "SELECT Id FROM Lead WHERE email = 'sponge@seamail.com' AND isDeleted = false AND NumberOfEmployees = 3");
    assertThat(Soql.selectIdWhere("Lead", Map.of("company", "Krusty's Krab"), Soql.Junction.OR))
        .isEqualTo("SELECT Id FROM Lead WHERE company = 'Krusty\\'s Krab'");
  }

  @Test
  void reportsTheFirstBadMatcherInOrder() {
    Map<String, Object> matchers = new LinkedHashMap<>();
    matchers.put("Email", "x");
    matchers.put("Bad Name", List.of());
    matchers.put("Other", null);
    assertThatThrownBy(() -> Soql.selectIdWhere("Lead", matchers, Soql.Junction.OR))
        .hasMessageContaining("Invalid field name 'Bad Name'");
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("Email", new ArrayList<>());
    typed.put("Bad Name", "x");
    assertThatThrownBy(() -> Soql.selectIdWhere("Lead", typed, Soql.Junction.OR))
        .hasMessage("Unsupported datatype for record matcher traits - object");
  }

  @Test
  void rejectsInvalidObjectNamesAndEmptyMatchers() {
    assertThatThrownBy(() -> Soql.selectIdWhere("Lead WHERE", Map.of("a", 1), Soql.Junction.OR))
        .isInstanceOf(SoqlBuildException.class)
        .hasMessageContaining("Invalid object name");
    assertThatThrownBy(() -> Soql.selectIdWhere("Lead", Map.of(), Soql.Junction.OR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("At least one record matcher");
  }

  @Test
  void buildsInLists() {
    assertThat(Soql.in("Ext__c", List.of("a'b", 2))).isEqualTo("Ext__c IN ('a\\'b', 2)");
  }

  @Test
  void encodesLikeEncodeUriComponent() {
    assertThat(Soql.encodeURIComponent("SELECT Id FROM Lead WHERE a = 'x' AND b = 2"))
        .isEqualTo("SELECT%20Id%20FROM%20Lead%20WHERE%20a%20%3D%20'x'%20AND%20b%20%3D%202");
    assertThat(Soql.encodeURIComponent("-_.!~*'()&+/é")).isEqualTo("-_.!~*'()%26%2B%2F%C3%A9");
  }
}
