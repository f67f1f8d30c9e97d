package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkBatchSplitterTest {

  private static List<Map<String, Object>> records(int n) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("LastName", "Name " + i);
      if (i % 3 == 0) {
        r.put("Email", "p" + i + "@x.com");
      }
      if (i % 7 == 0) {
        r.put("Phone", null);
      }
      list.add(r);
    }
    return list;
  }

  private static long writtenBytes(BulkBatch<?> batch) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    batch.csv().writeTo(out);
    return out.size();
  }

  @Test
  void defaultsAre5000RecordsAnd100Megabytes() {
    BulkBatchSplitter splitter = BulkBatchSplitter.defaults();
    assertThat(splitter.maxRecords()).isEqualTo(5000);
    assertThat(splitter.maxBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(splitter.split(records(12_001)))
        .extracting(b -> b.records().size())
        .containsExactly(5000, 5000, 2001);
  }

  @Test
  void cutsByRecordCountKeepingOrderAndIdentity() {
    List<Map<String, Object>> input = records(10);
    List<BulkBatch<Map<String, Object>>> batches =
        new BulkBatchSplitter(4, Long.MAX_VALUE).split(input);
    assertThat(batches).extracting(b -> b.records().size()).containsExactly(4, 4, 2);
    assertThat(batches.get(1).records().get(0)).isSameAs(input.get(4));
  }

  @Test
  void cutsByCsvSizeAndReportsExactSizes() throws Exception {
    List<Map<String, Object>> input = records(200);
    List<BulkBatch<Map<String, Object>>> batches = new BulkBatchSplitter(5000, 1000).split(input);
    assertThat(batches.size()).isGreaterThan(1);
    assertThat(batches.stream().mapToInt(b -> b.records().size()).sum()).isEqualTo(200);
    for (BulkBatch<Map<String, Object>> b : batches) {
      assertThat(b.csvBytes()).isLessThanOrEqualTo(1000).isEqualTo(writtenBytes(b));
      assertThat(b.csv().contentLength()).isEqualTo(b.csvBytes());
    }
  }

  @Test
  void eachBatchHasOnlyTheColumnsOfItsRecords() {
    Map<String, Object> a = new LinkedHashMap<>(Map.of("LastName", "A"));
    Map<String, Object> b = new LinkedHashMap<>(Map.of("LastName", "B"));
    b.put("Email", "b@x.com");
    List<BulkBatch<Map<String, Object>>> batches =
        new BulkBatchSplitter(1, Long.MAX_VALUE).split(List.of(a, b));
    assertThat(batches.get(0).columns()).containsExactly("LastName");
    assertThat(batches.get(1).columns()).containsExactly("LastName", "Email");
  }

  @Test
  void rejectsARecordLargerThanTheByteLimit() {
    Map<String, Object> huge = Map.of("Description", "x".repeat(500));
    assertThatThrownBy(() -> new BulkBatchSplitter(10, 100).split(List.of(huge)))
        .hasMessageContaining("more than the batch limit of 100 bytes");
  }

  @Test
  void emptyInputGivesNoBatchesAndLimitsMustBePositive() {
    assertThat(BulkBatchSplitter.defaults().split(List.of())).isEmpty();
    assertThatThrownBy(() -> new BulkBatchSplitter(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BulkBatchSplitter(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
