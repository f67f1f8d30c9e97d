package io.github.sfactions.emulator.soql;

import static io.github.sfactions.emulator.soql.Records.ids;
import static io.github.sfactions.emulator.soql.Records.record;
import static io.github.sfactions.emulator.soql.Records.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlIdComparisonTest {

  // 15-character id and its 18-character form with the checksum Salesforce computes.
  private static final String ID15 = "500D000000IqhSL";
  private static final String ID18 = "500D000000IqhSLIAZ";
  private static final String OTHER18 = "500D000000IqhSlIAJ";

  private static final List<Map<String, Object>> CASES =
      List.of(
          record("Id", ID18, "AccountId", "001D000000IqhSLIAZ"),
          record("Id", OTHER18, "AccountId", null));

  @Test
  void fifteenCharacterLiteralMatchesTheStoredEighteenCharacterId() {
    assertThat(ids(run("SELECT Id FROM Case WHERE Id = '" + ID15 + "'", CASES)))
        .containsExactly(ID18);
  }

  @Test
  void eighteenCharacterLiteralMatchesWhateverItsCase() {
    assertThat(ids(run("SELECT Id FROM Case WHERE Id = '" + ID18.toLowerCase() + "'", CASES)))
        .containsExactly(ID18);
    assertThat(ids(run("SELECT Id FROM Case WHERE Id = '" + ID18.toUpperCase() + "'", CASES)))
        .containsExactly(ID18);
  }

  @Test
  void fifteenCharacterIdsStayCaseSensitive() {
    // Differs from ID15 only in the case of one letter: a different record.
    assertThat(ids(run("SELECT Id FROM Case WHERE Id = '500D000000IqhSl'", CASES)))
        .containsExactly(OTHER18);
  }

  @Test
  void inListMixesFifteenAndEighteenCharacterIds() {
    assertThat(
            ids(
                run(
                    "SELECT Id FROM Case WHERE Id IN ('"
                        + ID15
                        + "', '"
                        + OTHER18.toLowerCase()
                        + "')",
                    CASES)))
        .containsExactly(ID18, OTHER18);
    assertThat(ids(run("SELECT Id FROM Case WHERE Id NOT IN ('" + ID15 + "')", CASES)))
        .containsExactly(OTHER18);
  }

  @Test
  void referenceFieldsCompareLikeIds() {
    assertThat(ids(run("SELECT Id FROM Case WHERE AccountId = '001D000000IqhSL'", CASES)))
        .containsExactly(ID18);
    assertThat(ids(run("SELECT Id FROM Case WHERE AccountId != '001D000000IqhSL'", CASES)))
        .containsExactly(OTHER18);
    assertThat(ids(run("SELECT Id FROM Case WHERE AccountId = null", CASES)))
        .containsExactly(OTHER18);
  }

  @Test
  void storedFifteenCharacterIdMatchesEighteenCharacterLiteral() {
    List<Map<String, Object>> records = List.of(record("Id", ID15));

    assertThat(run("SELECT Id FROM Case WHERE Id = '" + ID18 + "'", records)).hasSize(1);
  }
}
