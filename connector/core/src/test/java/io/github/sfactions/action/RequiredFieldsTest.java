package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredFieldsTest {

  @ParameterizedTest
  @CsvSource({
    "LEAD, Missing last_name value",
    "CONTACT, Missing last_name value",
    "ACCOUNT, Missing name value",
    "OPPORTUNITY, 'Missing close_date, name or stage_name value'"
  })
  void missingRequiredFieldGivesTheReferenceMessageAndCode(ActionType type, String message) {
    assertThatThrownBy(() -> RequiredFields.check(type, Map.of()))
        .isInstanceOf(ActionException.class)
        .hasMessage(message)
        .extracting("code", "status")
        .containsExactly("Misconfigured required field", 400);
  }

  @Test
  void falsyValuesFailLikeJavaScriptEmptyStringZeroFalse() {
    for (Object falsy : new Object[] {"", 0, 0.0, false}) {
      Map<String, Object> values = new HashMap<>();
      values.put("LastName", falsy);
      assertThatThrownBy(() -> RequiredFields.check(ActionType.LEAD, values))
          .hasMessage("Missing last_name value");
    }
  }

  @Test
  void truthyValuesPassIncludingTheTextZero() {
    assertThatCode(() -> RequiredFields.check(ActionType.LEAD, Map.of("LastName", "0")))
        .doesNotThrowAnyException();
  }

  @Test
  void opportunityNeedsAllThreeFields() {
    assertThatThrownBy(
            () ->
                RequiredFields.check(
                    ActionType.OPPORTUNITY, Map.of("CloseDate", "2026-01-01", "Name", "Deal")))
        .hasMessage("Missing close_date, name or stage_name value");
    assertThatCode(
            () ->
                RequiredFields.check(
                    ActionType.OPPORTUNITY,
                    Map.of("CloseDate", "2026-01-01", "Name", "Deal", "StageName", "Won")))
        .doesNotThrowAnyException();
  }

  @Test
  void caseAndCustomObjectRequireNothing() {
    assertThatCode(() -> RequiredFields.check(ActionType.CASE, Map.of()))
        .doesNotThrowAnyException();
    assertThatCode(() -> RequiredFields.check(ActionType.CUSTOM_OBJECT, Map.of()))
        .doesNotThrowAnyException();
  }
}
