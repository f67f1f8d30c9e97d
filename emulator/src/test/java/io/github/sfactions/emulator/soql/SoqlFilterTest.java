package io.github.sfactions.emulator.soql;

import static io.github.sfactions.emulator.soql.Records.ids;
import static io.github.sfactions.emulator.soql.Records.record;
import static io.github.sfactions.emulator.soql.Records.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlFilterTest {

  private static final List<Map<String, Object>> CASES =
      List.of(
          record(
              "Id",
              "c1",
              "Subject",
              "Printer broken",
              "Status",
              "New",
              "IsEscalated",
              true,
              "Units__c",
              new BigDecimal("5"),
              "Amount__c",
              new BigDecimal("10.50"),
              "Due__c",
              "2024-05-01",
              "ClosedDate",
              "2024-05-01T10:00:00.000+0000",
              "Ext__c",
              "E-1"),
          record(
              "Id",
              "c2",
              "Subject",
              "printer BROKEN",
              "Status",
              "Closed",
              "IsEscalated",
              false,
              "Units__c",
              new BigDecimal("12"),
              "Amount__c",
              new BigDecimal("-3"),
              "Due__c",
              "2024-04-30",
              "ClosedDate",
              "2024-05-01T09:59:59.000+0000",
              "Ext__c",
              "E-2"),
          record(
              "Id",
              "c3",
              "Subject",
              "Coffee machine",
              "Status",
              "New",
              "IsEscalated",
              false,
              "Units__c",
              new BigDecimal("5.0"),
              "Amount__c",
              null,
              "Due__c",
              null,
              "ClosedDate",
              null,
              "Ext__c",
              null),
          record("Id", "c4", "Subject", null, "IsEscalated", false));

  private static List<Object> matching(String where) {
    return ids(run("SELECT Id FROM Case WHERE " + where, CASES));
  }

  @Test
  void textEqualityIgnoresCase() {
    assertThat(matching("Subject = 'PRINTER BROKEN'")).containsExactly("c1", "c2");
  }

  @Test
  void notEqualsInBothSpellingsIncludesNullValues() {
    assertThat(matching("Status != 'new'")).containsExactly("c2", "c4");
    assertThat(matching("Status <> 'NEW'")).containsExactly("c2", "c4");
  }

  @Test
  void textOrderingComparisonsIgnoreCaseAndSkipNulls() {
    assertThat(matching("Subject < 'd'")).containsExactly("c3");
    assertThat(matching("Subject >= 'PRINTER'")).containsExactly("c1", "c2");
    assertThat(matching("Subject > 'printer broken'")).isEmpty();
    assertThat(matching("Subject <= 'Printer Broken'")).containsExactly("c1", "c2", "c3");
  }

  @Test
  void numbersCompareByValueWhateverTheScale() {
    assertThat(matching("Units__c = 5")).containsExactly("c1", "c3");
    assertThat(matching("Units__c = 5.00")).containsExactly("c1", "c3");
    assertThat(matching("Units__c > 5")).containsExactly("c2");
    assertThat(matching("Units__c <= 12")).containsExactly("c1", "c2", "c3");
    assertThat(matching("Amount__c = 10.5")).containsExactly("c1");
    assertThat(matching("Amount__c < 0")).containsExactly("c2");
    assertThat(matching("Amount__c >= -3")).containsExactly("c1", "c2");
    assertThat(matching("Amount__c > -3.5")).containsExactly("c1", "c2");
    assertThat(matching("Amount__c != 10.5")).containsExactly("c2", "c3", "c4");
  }

  @Test
  void booleansMatchTrueAndFalseInAnyCase() {
    assertThat(matching("IsEscalated = TRUE")).containsExactly("c1");
    assertThat(matching("IsEscalated = false")).containsExactly("c2", "c3", "c4");
    assertThat(matching("IsEscalated != True")).containsExactly("c2", "c3", "c4");
  }

  @Test
  void equalsNullMatchesNullAndMissingValues() {
    assertThat(matching("Ext__c = null")).containsExactly("c3", "c4");
    assertThat(matching("Ext__c != NULL")).containsExactly("c1", "c2");
    assertThat(matching("Status = null")).containsExactly("c4");
    assertThat(matching("Amount__c = null")).containsExactly("c3", "c4");
    assertThat(matching("Due__c = null")).containsExactly("c3", "c4");
  }

  @Test
  void emptyTextCountsAsNull() {
    List<Map<String, Object>> records =
        List.of(record("Id", "a", "Ext__c", ""), record("Id", "b", "Ext__c", "x"));

    assertThat(ids(run("SELECT Id FROM Case WHERE Ext__c = null", records))).containsExactly("a");
    assertThat(ids(run("SELECT Id FROM Case WHERE Ext__c = ''", records))).containsExactly("a");
    assertThat(ids(run("SELECT Id FROM Case WHERE Ext__c != ''", records))).containsExactly("b");
    assertThat(ids(run("SELECT Id FROM Case WHERE Ext__c LIKE '%'", records))).containsExactly("b");
  }

  @Test
  void datesCompareChronologically() {
    assertThat(matching("Due__c = 2024-05-01")).containsExactly("c1");
    assertThat(matching("Due__c < 2024-05-01")).containsExactly("c2");
    assertThat(matching("Due__c >= 2024-04-30")).containsExactly("c1", "c2");
    assertThat(matching("Due__c IN (2024-04-30, 2023-01-01)")).containsExactly("c2");
  }

  @Test
  void datetimesCompareAsInstantsWhateverTheOffsetNotation() {
    assertThat(matching("ClosedDate = 2024-05-01T10:00:00Z")).containsExactly("c1");
    assertThat(matching("ClosedDate = 2024-05-01T12:00:00+02:00")).containsExactly("c1");
    assertThat(matching("ClosedDate = 2024-05-01T10:00:00.000+0000")).containsExactly("c1");
    assertThat(matching("ClosedDate = 2024-05-01T02:00:00-08:00")).containsExactly("c1");
    assertThat(matching("ClosedDate < 2024-05-01T10:00:00Z")).containsExactly("c2");
    assertThat(matching("ClosedDate > 2024-05-01T09:59:59Z")).containsExactly("c1");
    assertThat(matching("ClosedDate >= 2024-05-01T09:59:59.000Z")).containsExactly("c1", "c2");
  }

  @Test
  void inMatchesAnyListedValueIgnoringTextCase() {
    assertThat(matching("Status IN ('closed', 'Escalated')")).containsExactly("c2");
    assertThat(matching("Units__c IN (12, 5)")).containsExactly("c1", "c2", "c3");
    assertThat(matching("IsEscalated IN (true)")).containsExactly("c1");
  }

  @Test
  void notInExcludesListedValuesAndKeepsNulls() {
    assertThat(matching("Status NOT IN ('new')")).containsExactly("c2", "c4");
    assertThat(matching("Ext__c NOT IN ('E-1', 'E-2')")).containsExactly("c3", "c4");
  }

  @Test
  void notBeforeTheFieldNegatesAnInList() {
    assertThat(matching("NOT Status IN ('new')")).containsExactly("c2", "c4");
  }

  @Test
  void inWithNullMatchesNullValues() {
    assertThat(matching("Ext__c IN ('E-1', null)")).containsExactly("c1", "c3", "c4");
    assertThat(matching("Ext__c NOT IN (null)")).containsExactly("c1", "c2");
  }

  @Test
  void likeMatchesPercentAndUnderscoreWildcardsIgnoringCase() {
    assertThat(matching("Subject LIKE 'printer%'")).containsExactly("c1", "c2");
    assertThat(matching("Subject LIKE '%BROKEN'")).containsExactly("c1", "c2");
    assertThat(matching("Subject LIKE '%e%'")).containsExactly("c1", "c2", "c3");
    assertThat(matching("Subject LIKE 'C_ffee machine'")).containsExactly("c3");
    assertThat(matching("Subject LIKE 'coffee'")).isEmpty();
    assertThat(matching("Subject LIKE '%'")).containsExactly("c1", "c2", "c3");
    assertThat(matching("Ext__c LIKE 'E-_'")).containsExactly("c1", "c2");
  }

  @Test
  void likeWorksOnPicklistAndEmailFields() {
    List<Map<String, Object>> records =
        List.of(record("Id", "a", "SuppliedEmail", "Ann@Example.com", "Status", "Working"));

    assertThat(ids(run("SELECT Id FROM Case WHERE SuppliedEmail LIKE '%@example.COM'", records)))
        .containsExactly("a");
    assertThat(ids(run("SELECT Id FROM Case WHERE Status LIKE 'work%'", records)))
        .containsExactly("a");
  }

  @Test
  void notNegatesTheFollowingCondition() {
    assertThat(matching("NOT Status = 'New'")).containsExactly("c2", "c4");
    assertThat(matching("NOT (Units__c > 5 OR IsEscalated = true)")).containsExactly("c3", "c4");
    assertThat(matching("NOT Subject LIKE 'printer%'")).containsExactly("c3", "c4");
  }

  @Test
  void andRequiresEveryConditionAndMayChain() {
    assertThat(matching("Status = 'New' AND Units__c = 5 AND IsEscalated = false"))
        .containsExactly("c3");
  }

  @Test
  void orAcceptsAnyConditionAndMayChain() {
    assertThat(matching("Ext__c = 'E-1' OR Ext__c = 'E-2' OR Subject = null"))
        .containsExactly("c1", "c2", "c4");
  }

  @Test
  void parenthesesAllowMixingAndWithOr() {
    assertThat(matching("(Status = 'New' AND IsEscalated = true) OR Units__c = 12"))
        .containsExactly("c1", "c2");
    assertThat(matching("Status = 'New' AND (IsEscalated = true OR Subject LIKE 'coffee%')"))
        .containsExactly("c1", "c3");
    assertThat(matching("((Status = 'Closed'))")).containsExactly("c2");
  }

  @Test
  void fieldsAreResolvedCaseInsensitivelyAndReadByCanonicalName() {
    assertThat(matching("subject = 'coffee machine' and STATUS = 'new'")).containsExactly("c3");
  }

  @Test
  void nonStandardStoredValueShapesAreStillCompared() {
    List<Map<String, Object>> records =
        List.of(
            record("Id", "a", "Units__c", "7", "IsEscalated", "TRUE"),
            record("Id", "b", "Units__c", "not a number"));

    assertThat(ids(run("SELECT Id FROM Case WHERE Units__c = 7", records))).containsExactly("a");
    assertThat(ids(run("SELECT Id FROM Case WHERE IsEscalated = true", records)))
        .containsExactly("a");
    assertThat(ids(run("SELECT Id FROM Case WHERE Units__c = null", records))).containsExactly("b");
  }

  @Test
  void matchesEvaluatesOneRecord() {
    SoqlQuery query =
        SoqlQuery.parse("SELECT Id FROM Case WHERE Units__c > 10", TestSchema.INSTANCE);

    assertThat(query.matches(CASES.get(1))).isTrue();
    assertThat(query.matches(CASES.get(0))).isFalse();
    assertThat(query.matches(Map.of())).isFalse();
  }

  @Test
  void queryWithoutWhereMatchesEverything() {
    assertThat(ids(run("SELECT Id FROM Case", CASES))).containsExactly("c1", "c2", "c3", "c4");
  }
}
