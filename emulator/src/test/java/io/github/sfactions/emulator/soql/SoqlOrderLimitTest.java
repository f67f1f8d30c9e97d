package io.github.sfactions.emulator.soql;

import static io.github.sfactions.emulator.soql.Records.ids;
import static io.github.sfactions.emulator.soql.Records.record;
import static io.github.sfactions.emulator.soql.Records.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlOrderLimitTest {

  private static final List<Map<String, Object>> CASES =
      List.of(
          record(
              "Id",
              "a",
              "Subject",
              "banana",
              "Units__c",
              new BigDecimal("10"),
              "Due__c",
              "2024-05-02",
              "Status",
              "New"),
          record(
              "Id",
              "b",
              "Subject",
              null,
              "Units__c",
              new BigDecimal("2"),
              "Due__c",
              null,
              "Status",
              "New"),
          record(
              "Id",
              "c",
              "Subject",
              "Apple",
              "Units__c",
              null,
              "Due__c",
              "2023-12-31",
              "Status",
              "Closed"),
          record(
              "Id",
              "d",
              "Subject",
              "cherry",
              "Units__c",
              new BigDecimal("2.0"),
              "Due__c",
              "2024-01-15",
              "Status",
              "Closed"));

  @Test
  void ascendingTextSortIgnoresCaseAndPutsNullsFirst() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Subject", CASES)))
        .containsExactly("b", "c", "a", "d");
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Subject ASC", CASES)))
        .containsExactly("b", "c", "a", "d");
  }

  @Test
  void descendingSortPutsNullsLastByDefault() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Subject DESC", CASES)))
        .containsExactly("d", "a", "c", "b");
  }

  @Test
  void nullsFirstAndLastOverrideTheDefault() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Subject ASC NULLS LAST", CASES)))
        .containsExactly("c", "a", "d", "b");
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Subject DESC NULLS FIRST", CASES)))
        .containsExactly("b", "d", "a", "c");
  }

  @Test
  void numbersSortByValueAndTiesKeepInputOrder() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Units__c", CASES)))
        .containsExactly("c", "b", "d", "a");
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Units__c DESC", CASES)))
        .containsExactly("a", "b", "d", "c");
  }

  @Test
  void datesSortChronologically() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Due__c NULLS LAST", CASES)))
        .containsExactly("c", "d", "a", "b");
  }

  @Test
  void severalSortKeysApplyInOrder() {
    assertThat(ids(run("SELECT Id FROM Case ORDER BY Status DESC, Subject", CASES)))
        .containsExactly("b", "a", "c", "d");
  }

  @Test
  void limitCutsAfterFilterAndSort() {
    assertThat(
            ids(
                run(
                    "SELECT Id FROM Case WHERE Subject != null ORDER BY Subject DESC LIMIT 2",
                    CASES)))
        .containsExactly("d", "a");
  }

  @Test
  void limitWithoutOrderKeepsInputOrder() {
    assertThat(ids(run("SELECT Id FROM Case LIMIT 3", CASES))).containsExactly("a", "b", "c");
  }

  @Test
  void limitZeroReturnsNothingAndLargeLimitReturnsEverything() {
    assertThat(run("SELECT Id FROM Case LIMIT 0", CASES)).isEmpty();
    assertThat(run("SELECT Id FROM Case LIMIT 2147483647", CASES)).hasSize(4);
  }

  @Test
  void countQueryAppliesFilterAndLimitSoTheCallerCanCount() {
    assertThat(run("SELECT COUNT() FROM Case WHERE Status = 'closed'", CASES)).hasSize(2);
    assertThat(run("SELECT count() FROM Case LIMIT 3", CASES)).hasSize(3);
  }

  @Test
  void applyReturnsTheInputMapsNotCopies() {
    List<Map<String, Object>> result =
        run("SELECT Subject FROM Case WHERE Subject = 'BANANA'", CASES);

    assertThat(result).hasSize(1);
    assertThat(result.get(0)).isSameAs(CASES.get(0));
  }

  @Test
  void applyDoesNotModifyTheInputCollection() {
    List<Map<String, Object>> input = new ArrayList<>(CASES);

    run("SELECT Id FROM Case ORDER BY Subject", input);

    assertThat(input).containsExactlyElementsOf(CASES);
  }

  @Test
  void compiledQueryCanBeAppliedRepeatedly() {
    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Case WHERE Units__c = 2 ORDER BY Subject DESC", TestSchema.INSTANCE);

    assertThat(ids(query.apply(CASES))).containsExactly("d", "b");
    assertThat(ids(query.apply(CASES.subList(1, 2)))).containsExactly("b");
  }
}
