package io.github.sfactions.emulator.bulk;

/** Builds large upsert uploads for the 100k-row test and the benchmark. */
final class LargeJobFixture {

  static final String UPSERT_ACCOUNTS =
      "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\"}";

  private LargeJobFixture() {}

  /**
   * An upsert CSV of {@code rows} accounts with distinct external ids; every 1000th row lacks its
   * Name.
   */
  static String upsertCsv(int rows) {
    StringBuilder csv =
        new StringBuilder(rows * 48).append("Ext__c,Name,NumberOfEmployees,Description\n");
    for (int i = 0; i < rows; i++) {
      String name = i % 1000 == 999 ? "" : "Account " + i;
      csv.append("EXT-")
          .append(i)
          .append(',')
          .append(name)
          .append(',')
          .append(i % 500)
          .append(",\"row ")
          .append(i)
          .append(", quoted\"\n");
    }
    return csv.toString();
  }
}
