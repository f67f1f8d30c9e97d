package io.github.sfactions.camunda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TriggerExpressionTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNode ORDER =
      json(
          """
      {"type": "track", "event": "Order Completed", "userId": "u1",
       "properties": {"total": 120.5, "currency": "EUR", "coupon": null, "tags": ["vip", "new"],
                      "order id": "A-1", "count": "7"},
       "context": {"traits": {"vip": true}}}""");

  @Test
  void typeAndEventNameSelectAnEvent() {
    assertThat(matches("type = \"track\" and event = \"Order Completed\"", ORDER)).isTrue();
    assertThat(matches("type = \"track\" and event = \"Order Refunded\"", ORDER)).isFalse();
    assertThat(matches("type = \"identify\"", ORDER)).isFalse();
  }

  @Test
  void orNotAndParenthesesCombineConditions() {
    assertThat(
            matches(
                "type = \"identify\" or (event = \"Order Completed\" and not userId = \"u2\")",
                ORDER))
        .isTrue();
    assertThat(matches("!(type = \"track\")", ORDER)).isFalse();
    assertThat(matches("type != \"page\"", ORDER)).isTrue();
  }

  @Test
  void numbersCompareNumericallyAlsoAsText() {
    assertThat(matches("properties.total > 100", ORDER)).isTrue();
    assertThat(matches("properties.total <= 120.5", ORDER)).isTrue();
    assertThat(matches("properties.total = 120.50", ORDER)).isTrue();
    assertThat(matches("properties.count >= 7", ORDER)).isTrue();
    assertThat(matches("properties.currency > 1", ORDER)).isFalse();
  }

  @Test
  void missingAndNullFieldsAreNull() {
    assertThat(matches("properties.coupon = null", ORDER)).isTrue();
    assertThat(matches("properties.nothing = null", ORDER)).isTrue();
    assertThat(matches("exists(properties.coupon)", ORDER)).isFalse();
    assertThat(matches("exists(properties.currency)", ORDER)).isTrue();
    assertThat(matches("properties.a.b.c = \"x\"", ORDER)).isFalse();
  }

  @Test
  void functionsWorkOnTextAndLists() {
    assertThat(matches("contains(event, \"Order\")", ORDER)).isTrue();
    assertThat(matches("contains(properties.tags, \"vip\")", ORDER)).isTrue();
    assertThat(matches("contains(properties.tags, \"old\")", ORDER)).isFalse();
    assertThat(matches("match(event, \"Order *\")", ORDER)).isTrue();
    assertThat(matches("match(event, \"Ord?r Completed\")", ORDER)).isTrue();
    assertThat(matches("match(event, \"Order.*\")", ORDER)).isFalse();
    assertThat(matches("lowercase(properties.currency) = \"eur\"", ORDER)).isTrue();
    assertThat(matches("length(properties.tags) = 2", ORDER)).isTrue();
  }

  @Test
  void backQuotedSegmentsAndBooleanFieldsWork() {
    assertThat(matches("properties.`order id` = \"A-1\"", ORDER)).isTrue();
    assertThat(matches("context.traits.vip", ORDER)).isTrue();
    assertThat(matches("properties.currency", ORDER)).isFalse();
  }

  @Test
  void syntaxErrorsNameTheColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> TriggerExpression.parse("type = \"track\" and"))
        .isInstanceOf(TriggerSyntaxException.class)
        .hasMessageContaining("column 19")
        .hasMessageContaining("ends too early");
    assertThatThrownBy(() -> TriggerExpression.parse("type = \"track"))
        .hasMessageContaining("column 8")
        .hasMessageContaining("no closing \"");
    assertThatThrownBy(() -> TriggerExpression.parse("starts(event, \"x\")"))
        .hasMessageContaining("unknown function 'starts'");
    assertThatThrownBy(() -> TriggerExpression.parse("type = \"a\" \"b\""))
        .hasMessageContaining("column 12")
        .hasMessageContaining("unexpected 'b'");
    assertThatThrownBy(() -> TriggerExpression.parse("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> TriggerExpression.parse("contains(event)"))
        .hasMessageContaining("contains takes 2 arguments, got 1");
  }

  private static boolean matches(String trigger, JsonNode event) {
    return TriggerExpression.parse(trigger).matches(event);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
