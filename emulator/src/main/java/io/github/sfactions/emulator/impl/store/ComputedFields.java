package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.meta.ObjectDef;
import java.util.Map;

/**
 * Fields Salesforce computes: compound names, case numbers, closed/won flags, default custom names.
 */
final class ComputedFields {
  private static final String ID = "Id";
  private static final String NAME = "Name";

  private ComputedFields() {}

  static void apply(ObjectDef def, ObjectTable table, Map<String, Object> row, boolean insert) {
    switch (def.name()) {
      case "Lead", "Contact" -> {
        String first = (String) row.get("FirstName");
        String last = (String) row.get("LastName");
        row.put(NAME, ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim());
      }
      case "Opportunity" -> {
        String stage = (String) row.get("StageName");
        row.put("IsClosed", stage != null && stage.startsWith("Closed"));
        row.put("IsWon", "Closed Won".equals(stage));
      }
      case "Case" -> {
        if (insert) {
          row.put("CaseNumber", String.format("%08d", 1000 + table.nextAutoNumber() - 1));
        }
        row.put("IsClosed", "Closed".equals(row.get("Status")));
      }
      default -> {
        if (def.custom() && RecordRules.isBlank(row.get(NAME))) {
          row.put(NAME, row.get(ID));
        }
      }
    }
  }
}
