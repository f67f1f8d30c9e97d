package io.github.sfactions.camunda.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

class SegmentFunctionsTest {

  private final SegmentFunctions segment = new SegmentFunctions();

  private final SpinJsonNode event =
      Spin.JSON(
          """
      {"groupId": "G-1", "traits": {"email": "t@x.example", "employees": 12, "empty": null,
                                    "address": {"city": "Berlin"}},
       "properties": {"email": "p@x.example", "last_name": "Doe", "revenue": 9.5,
                      "address": {"city": "Paris", "state": "IDF"}}}""");

  @Test
  void traitOrPropertyPrefersTraits() {
    assertThat(segment.traitOrProperty(event, "email")).isEqualTo("t@x.example");
    assertThat(segment.traitOrProperty(event, "last_name")).isEqualTo("Doe");
    assertThat(segment.traitOrProperty(event, "empty")).isNull();
    assertThat(segment.traitOrProperty(event, "phone")).isNull();
    assertThat(segment.traitOrProperty(event, "employees")).isEqualTo(12L);
  }

  @Test
  void addressReadsTraitsAddressThenPropertiesAddress() {
    assertThat(segment.address(event, "city")).isEqualTo("Berlin");
    assertThat(segment.address(event, "state")).isEqualTo("IDF");
    assertThat(segment.address(event, "country")).isNull();
  }

  @Test
  void coalesceTakesTheFirstPathWithAValue() {
    assertThat(segment.coalesce(event, "traits.empty", "properties.revenue"))
        .isEqualTo(new BigDecimal("9.5"));
    assertThat(segment.coalesce(event, "$.traits.nothing", "properties.nothing", "groupId"))
        .isEqualTo("G-1");
    assertThat(segment.value(event, "traits.address")).isInstanceOf(SpinJsonNode.class);
  }

  @Test
  void acceptsMapsAndJsonTextToo() {
    assertThat(segment.value(Map.of("traits", Map.of("email", "m@x.example")), "traits.email"))
        .isEqualTo("m@x.example");
    assertThat(segment.value("{\"userId\": \"u1\"}", "userId")).isEqualTo("u1");
  }
}
