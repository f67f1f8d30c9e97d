package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.BulkRecordResult;
import io.github.sfactions.client.BulkRecordResult.Outcome;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResultParserTest {

  @Test
  void parsesSuccessfulResults() throws Exception {
    String csv =
        "\"sf__Id\",\"sf__Created\",Ext__c,LastName\n"
            + "\"003000000000001AAA\",\"true\",\"E1\",\"Doe, J\"\n"
            + "\"003000000000002AAA\",\"false\",\"E2\",\"Roe\"\n";
    List<BulkRecordResult> rows = BulkResultParser.parse(new StringReader(csv), Outcome.SUCCESS);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).id()).isEqualTo("003000000000001AAA");
    assertThat(rows.get(0).created()).isTrue();
    assertThat(rows.get(0).row())
        .containsExactly(
            java.util.Map.entry("Ext__c", "E1"), java.util.Map.entry("LastName", "Doe, J"));
    assertThat(rows.get(1).created()).isFalse();
    assertThat(rows.get(1).success()).isTrue();
  }

  @Test
  void parsesFailedResultsIntoCodeMessageAndFields() throws Exception {
    String csv =
        "\"sf__Id\",\"sf__Error\",Ext__c,LastName\n"
            + "\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\",\"E3\",\"\"\n"
            + "\"003000000000004AAA\",\"UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--\",\"E4\",\"X\"\n";
    List<BulkRecordResult> rows = BulkResultParser.parse(new StringReader(csv), Outcome.FAILED);
    BulkRecordResult missing = rows.get(0);
    assertThat(missing.id()).isNull();
    assertThat(missing.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(missing.errorMessage()).isEqualTo("Required fields are missing: [LastName]");
    assertThat(missing.errorFields()).containsExactly("LastName");
    assertThat(missing.retryable()).isFalse();
    BulkRecordResult locked = rows.get(1);
    assertThat(locked.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(locked.errorMessage()).isEqualTo("unable to obtain exclusive access to this record");
    assertThat(locked.errorFields()).isEmpty();
    assertThat(locked.retryable()).isTrue();
  }

  @Test
  void parsesUnprocessedAndHeaderOnlyFiles() throws Exception {
    assertThat(
            BulkResultParser.parse(
                new StringReader("Ext__c,LastName\nE5,Poe\n"), Outcome.UNPROCESSED))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.UNPROCESSED);
              assertThat(r.value("Ext__c")).isEqualTo("E5");
            });
    assertThat(
            BulkResultParser.parse(
                new StringReader("\"sf__Id\",\"sf__Created\",Ext__c\n"), Outcome.SUCCESS))
        .isEmpty();
    assertThat(BulkResultParser.parse(new StringReader(""), Outcome.SUCCESS)).isEmpty();
  }

  @Test
  void parsesErrorsWithSeveralFieldsAndWithoutColons() {
    var e = BulkResultParser.parseError("FIELD_INTEGRITY_EXCEPTION:bad: value:Email,Phone --");
    assertThat(e.code()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
    assertThat(e.message()).isEqualTo("bad: value");
    assertThat(e.fields()).containsExactly("Email", "Phone");
    assertThat(BulkResultParser.parseError("something odd").message()).isEqualTo("something odd");
  }
}
