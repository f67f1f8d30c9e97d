package io.github.sfactions.emulator.soql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of {@link SoqlQuery#apply} over 100,000 Case records. Run after {@code test-compile}:
 *
 * <pre>
 * java -cp emulator/target/classes:emulator/target/test-classes io.github.sfactions.emulator.soql.SoqlBenchmark
 * </pre>
 */
public final class SoqlBenchmark {

  private static final int RECORDS = 100_000;
  private static final int ROUNDS = 20;
  private static final String[] QUERIES = {
    "SELECT Id FROM Case WHERE Ext__c = 'EXT-77777'",
    "SELECT Id FROM Case WHERE Subject LIKE '%printer 9%'",
    "SELECT Id FROM Case WHERE Status IN ('New', 'Working') AND Units__c > 50",
    "SELECT Id FROM Case WHERE ClosedDate >= 2024-05-01T00:00:00Z OR Due__c < 2024-02-01",
    "SELECT Id FROM Case WHERE Id = '500000000001234'",
    "SELECT Id FROM Case WHERE IsEscalated = true ORDER BY Subject DESC LIMIT 200",
  };

  private SoqlBenchmark() {}

  public static void main(String[] args) {
    List<Map<String, Object>> records = records();
    for (String soql : QUERIES) {
      long parseStart = System.nanoTime();
      SoqlQuery query = SoqlQuery.parse(soql, TestSchema.INSTANCE);
      long parseNanos = System.nanoTime() - parseStart;
      int matched = 0;
      for (int i = 0; i < ROUNDS / 2; i++) {
        matched = query.apply(records).size(); // warm-up
      }
      long start = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        matched = query.apply(records).size();
      }
      double millisPerApply = (System.nanoTime() - start) / 1e6 / ROUNDS;
      System.out.printf(
          "%8.2f ms/apply over %,d records (%,d matched, parse %.3f ms)  %s%n",
          millisPerApply, records.size(), matched, parseNanos / 1e6, soql);
    }
  }

  private static List<Map<String, Object>> records() {
    String[] statuses = {"New", "Working", "Escalated", "Closed"};
    List<Map<String, Object>> records = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      Map<String, Object> record = new HashMap<>();
      record.put("Id", String.format("5000000000%05dAAA", i));
      record.put("Subject", "Printer " + i + " is broken");
      record.put("Status", statuses[i % statuses.length]);
      record.put("IsEscalated", i % 7 == 0);
      record.put("Ext__c", "EXT-" + i);
      record.put("Units__c", BigDecimal.valueOf(i % 100));
      record.put("Due__c", String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28));
      record.put(
          "ClosedDate", String.format("2024-%02d-%02dT10:00:00.000+0000", 1 + i % 12, 1 + i % 28));
      records.add(record);
    }
    return records;
  }
}
