package io.github.sfactions.emulator.soql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds record maps for tests: {@code record("Id", "500...", "Subject", "x")}. */
final class Records {

  private Records() {}

  static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> record = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      record.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return record;
  }

  static List<Map<String, Object>> run(String soql, List<Map<String, Object>> records) {
    return SoqlQuery.parse(soql, TestSchema.INSTANCE).apply(records);
  }

  static List<Object> ids(List<Map<String, Object>> records) {
    return records.stream().map(r -> r.get("Id")).toList();
  }
}
