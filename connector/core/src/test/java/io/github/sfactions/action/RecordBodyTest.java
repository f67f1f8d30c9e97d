package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.impl.RecordBody;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordBodyTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void leadKeysFollowTheReferenceShapeOrderNotTheInputOrder() {
    Map<String, Object> body =
        RecordBody.build(
            ActionType.LEAD,
            map(
                "Email",
                "a@b.c",
                "City",
                "Bern",
                "FirstName",
                "Ann",
                "LastName",
                "Doe",
                "Company",
                "Acme",
                "State",
                "BE",
                "Street",
                "Main 1",
                "Country",
                "CH",
                "PostalCode",
                "3000"),
            null,
            false);
    assertThat(body.keySet())
        .containsExactly(
            "LastName",
            "Company",
            "FirstName",
            "State",
            "Street",
            "Country",
            "PostalCode",
            "City",
            "Email");
  }

  @Test
  void contactAndOpportunityKeysFollowTheirShapes() {
    Map<String, Object> contact =
        RecordBody.build(
            ActionType.CONTACT,
            map(
                "MailingCity",
                "c",
                "Email",
                "e",
                "LastName",
                "l",
                "MailingState",
                "s",
                "AccountId",
                "001"),
            null,
            false);
    assertThat(contact.keySet())
        .containsExactly("LastName", "AccountId", "Email", "MailingState", "MailingCity");
    Map<String, Object> opp =
        RecordBody.build(
            ActionType.OPPORTUNITY,
            map("StageName", "Won", "Name", "Deal", "CloseDate", "2026-01-01", "Amount", "10"),
            null,
            false);
    assertThat(opp.keySet()).containsExactly("Amount", "CloseDate", "Name", "StageName");
  }

  @Test
  void otherFieldsOverrideInPlaceAndNewKeysAreAppendedInTheirOrder() {
    Map<String, Object> body =
        RecordBody.build(
            ActionType.LEAD,
            map("LastName", "Doe", "Email", "old@x.y"),
            map("Zeta__c", 1, "Email", "new@x.y", "Company", "FromOther", "Alpha__c", true),
            false);
    assertThat(body)
        .containsExactly(
            Map.entry("LastName", "Doe"),
            Map.entry("Company", "FromOther"),
            Map.entry("Email", "new@x.y"),
            Map.entry("Zeta__c", 1),
            Map.entry("Alpha__c", true));
  }

  @Test
  void topLevelNullsAndEmptyStringsAreDroppedButOtherFieldNullsAreSent() {
    Map<String, Object> body =
        RecordBody.build(
            ActionType.LEAD,
            map("LastName", "Doe", "Company", "", "City", null),
            map("Note__c", null),
            false);
    assertThat(body.keySet()).containsExactly("LastName", "Note__c");
    assertThat(body.get("Note__c")).isNull();
  }

  @Test
  void bulkModeKeepsEmptyStrings() {
    Map<String, Object> body =
        RecordBody.build(ActionType.LEAD, map("LastName", "Doe", "Company", ""), null, true);
    assertThat(body).containsEntry("Company", "");
  }

  @Test
  void customObjectBodyIsOnlyTheOtherFields() {
    Map<String, Object> body =
        RecordBody.build(ActionType.CUSTOM_OBJECT, map(), map("B__c", 2, "A__c", "x"), false);
    assertThat(body).containsExactly(Map.entry("B__c", 2), Map.entry("A__c", "x"));
  }

  @Test
  void valuesAreCoercedLikeSegmentsSchemaNumberOfEmployeesToIntegerStringsToText() {
    Map<String, Object> body =
        RecordBody.build(
            ActionType.ACCOUNT,
            map("Name", 123, "NumberOfEmployees", "12", "Phone", 3.50, "Website", true),
            null,
            false);
    assertThat(body)
        .containsEntry("Name", "123")
        .containsEntry("NumberOfEmployees", new BigInteger("12"))
        .containsEntry("Phone", "3.5")
        .containsEntry("Website", "true");
  }

  @Test
  void nonIntegerEmployeeCountIsRejected() {
    assertThatThrownBy(
            () ->
                RecordBody.build(
                    ActionType.ACCOUNT, map("NumberOfEmployees", "twelve"), null, false))
        .isInstanceOf(ActionException.class)
        .hasMessage("NumberOfEmployees must be an integer (got string)")
        .extracting("status")
        .isEqualTo(400);
  }

  @Test
  void unknownStandardFieldIsRejectedWithAHint() {
    assertThatThrownBy(() -> RecordBody.build(ActionType.CASE, map("Subject", "x"), null, false))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("Unknown standard field Subject")
        .hasMessageContaining("otherFields");
  }
}
