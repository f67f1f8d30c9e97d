package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.ActionException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class InputValuesTest {

  @Test
  void aJavaMapIsCopiedInItsOrder() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("Zeta", 1);
    in.put("Alpha", "a");
    assertThat(InputValues.map("recordMatchers", in))
        .containsExactly(Map.entry("Zeta", 1), Map.entry("Alpha", "a"));
  }

  @Test
  void aJsonStringKeepsKeyOrderAndTypes() {
    Map<String, Object> m =
        InputValues.map("recordMatchers", "{\"b\":\"x\",\"a\":2,\"c\":true,\"d\":3.5}");
    assertThat(m.keySet()).containsExactly("b", "a", "c", "d");
    assertThat(m)
        .containsEntry("a", 2)
        .containsEntry("c", true)
        .containsEntry("d", new BigDecimal("3.5"));
  }

  @Test
  void aSpinJsonValueIsRead() {
    Map<String, Object> m =
        InputValues.map("otherFields", Spin.JSON("{\"Note__c\":\"hi\",\"N__c\":1}"));
    assertThat(m).containsExactly(Map.entry("Note__c", "hi"), Map.entry("N__c", 1));
    assertThat(InputValues.list("records", Spin.JSON("[{\"A\":1}]")))
        .containsExactly(Map.of("A", 1));
  }

  @Test
  void absentEmptyAndNullJsonAreNotGiven() {
    assertThat(InputValues.map("m", null)).isNull();
    assertThat(InputValues.map("m", "")).isNull();
    assertThat(InputValues.map("m", "null")).isNull();
    assertThat(InputValues.text("t", "")).isNull();
  }

  @Test
  void wrongShapesAreClear400s() {
    assertThatThrownBy(() -> InputValues.map("recordMatchers", "[1,2]"))
        .isInstanceOf(ActionException.class)
        .hasMessage("Input recordMatchers must be a JSON object (got String)");
    assertThatThrownBy(() -> InputValues.map("recordMatchers", "{oops"))
        .isInstanceOf(ActionException.class)
        .hasMessageStartingWith("recordMatchers is not valid JSON");
    assertThatThrownBy(() -> InputValues.map("recordMatchers", 42))
        .hasMessageContaining("must be a map, a JSON object or a Spin JSON object");
    assertThatThrownBy(() -> InputValues.bool("useBulkApi", "yes"))
        .hasMessageContaining("must be a boolean");
    assertThatThrownBy(() -> InputValues.integer("maxRecords", "1.5"))
        .hasMessageContaining("must be an integer");
  }

  @Test
  void listsFollowTheSameRulesAsMaps() {
    assertThat(InputValues.list("records", "[{\"b\":1,\"a\":2.5},\"x\"]"))
        .containsExactly(Map.of("b", 1, "a", new BigDecimal("2.5")), "x");
    assertThat(InputValues.list("records", List.of(Spin.JSON("{\"A\":1}"), "x")))
        .containsExactly(Map.of("A", 1), "x");
    assertThat(InputValues.list("records", null)).isNull();
    assertThat(InputValues.list("records", " ")).isNull();
    assertThat(InputValues.list("records", "null")).isNull();
    assertThatThrownBy(() -> InputValues.list("records", "{\"a\":1}"))
        .isInstanceOf(ActionException.class)
        .hasMessage("Input records must be a JSON array (got String)");
    assertThatThrownBy(() -> InputValues.list("records", Spin.JSON("{\"a\":1}")))
        .isInstanceOf(ActionException.class)
        .hasMessageStartingWith("Input records must be a JSON array (got ");
    assertThatThrownBy(() -> InputValues.list("records", "[1,"))
        .isInstanceOf(ActionException.class)
        .hasMessageStartingWith("records is not valid JSON");
    assertThatThrownBy(() -> InputValues.list("records", Map.of("a", 1)))
        .isInstanceOf(ActionException.class)
        .hasMessageStartingWith(
            "Input records must be a list, a JSON array or a Spin JSON array (got ");
  }

  @Test
  void scalarsConvert() {
    assertThat(InputValues.bool("b", "TRUE")).isTrue();
    assertThat(InputValues.integer("i", "12")).isEqualTo(12);
    assertThat(InputValues.integer("i", 12L)).isEqualTo(12);
    assertThat(InputValues.text("t", 5)).isEqualTo("5");
    assertThat(InputValues.list("l", List.of("a"))).containsExactly("a");
  }
}
