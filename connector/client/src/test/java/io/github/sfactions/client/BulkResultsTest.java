package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkRecordResult.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkResultsTest {

  private static BulkRecordResult row(Outcome outcome, String ext) {
    return new BulkRecordResult(
        outcome, null, false, null, null, List.of(), Map.of("Ext__c", ext, "Name", "n"));
  }

  @Test
  void correlatesRowsByKeyColumnRegardlessOfOrder() {
    BulkResults results =
        new BulkResults(
            List.of(row(Outcome.SUCCESS, "B"), row(Outcome.SUCCESS, "A")),
            List.of(row(Outcome.FAILED, "C")),
            List.of(row(Outcome.UNPROCESSED, "D")));
    Map<String, BulkRecordResult> byKey = results.byKey("ext__C");
    assertThat(byKey.keySet()).containsExactlyInAnyOrder("A", "B", "C", "D");
    assertThat(byKey.get("C").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(byKey.get("D").retryable()).isTrue();
    assertThat(results.all()).hasSize(4);
  }

  @Test
  void refusesAmbiguousKeys() {
    BulkResults results =
        new BulkResults(
            List.of(row(Outcome.SUCCESS, "A")), List.of(row(Outcome.FAILED, "A")), List.of());
    assertThatThrownBy(() -> results.byKey("Ext__c"))
        .hasMessageContaining("two rows with Ext__c = 'A'");
  }
}
