package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.Ids;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Salesforce's record validation: field permissions, value checks, references, unique values and
 * the duplicate rule, each answering with Salesforce's error code and message.
 */
final class RecordRules {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final String PERMISSION_TEXT =
      ". Please check the security settings of this field and verify"
          + " that it is read/write for your profile or permission set.";

  private final Schema schema;
  private final OrgStore store;
  private final Predicate<String> userExists;
  private volatile boolean duplicateRules;

  RecordRules(Schema schema, OrgStore store, Predicate<String> userExists, boolean duplicateRules) {
    this.schema = schema;
    this.store = store;
    this.userExists = userExists;
    this.duplicateRules = duplicateRules;
  }

  void duplicateRules(boolean on) {
    this.duplicateRules = on;
  }

  boolean duplicateRules() {
    return duplicateRules;
  }

  void checkPermissions(ObjectDef def, Map<String, Object> values, boolean insert) {
    List<String> refused = new ArrayList<>();
    for (String name : values.keySet()) {
      FieldDef f = def.field(name).orElseThrow(() -> FieldValues.noSuchColumn(def, name));
      if (insert ? !f.createable() : !f.updateable()) {
        refused.add(f.name());
      }
    }
    if (!refused.isEmpty()) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_FIELD_FOR_INSERT_UPDATE,
          "Unable to create/update fields: " + String.join(", ", refused) + PERMISSION_TEXT,
          refused);
    }
  }

  void checkValues(ObjectDef def, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      FieldDef f = def.field(e.getKey()).orElseThrow();
      Object v = e.getValue();
      if (!(v instanceof String s)) {
        continue;
      }
      if (f.type().isText() && s.length() > f.length()) {
        throw ApiException.badRequest(
            ErrorCodes.STRING_TOO_LONG,
            f.label()
                + ": data value too large: "
                + abbreviate(s)
                + " (max length="
                + f.length()
                + ")",
            List.of(f.name()));
      }
      if (f.type() == FieldType.EMAIL && !s.isEmpty() && !EMAIL.matcher(s).matches()) {
        throw ApiException.badRequest(
            ErrorCodes.INVALID_EMAIL_ADDRESS,
            f.label() + ": invalid email address: " + s,
            List.of(f.name()));
      }
      if (f.type() == FieldType.PICKLIST
          && f.restrictedPicklist()
          && !f.picklistValues().contains(s)) {
        throw ApiException.badRequest(
            ErrorCodes.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
            f.label() + ": bad value for restricted picklist field: " + s,
            List.of(f.name()));
      }
      if (f.type() == FieldType.REFERENCE && !s.isEmpty() && Ids.normalize(s).isEmpty()) {
        throw ApiException.badRequest(
            ErrorCodes.MALFORMED_ID,
            f.label() + ": id value of incorrect type: " + s,
            List.of(f.name()));
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }

  void checkReferences(ObjectDef def, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      FieldDef f = def.field(e.getKey()).orElseThrow();
      if (f.type() != FieldType.REFERENCE || !(e.getValue() instanceof String id) || id.isEmpty()) {
        continue;
      }
      String target = f.referenceTo().isEmpty() ? "" : f.referenceTo().get(0);
      if (target.equals("User")) {
        if (!id.startsWith("005")) {
          throw integrity(f, id);
        }
        if (!userExists.test(id)) {
          throw crossReference(f);
        }
        continue;
      }
      Optional<ObjectDef> targetDef = schema.object(target);
      if (targetDef.isEmpty()) {
        continue;
      }
      if (!id.startsWith(targetDef.get().keyPrefix())) {
        throw integrity(f, id);
      }
      Map<String, Object> row = store.table(targetDef.get().name()).get(id);
      if (row == null || ObjectTable.isDeleted(row)) {
        throw crossReference(f);
      }
    }
  }

  private static ApiException integrity(FieldDef f, String id) {
    return ApiException.badRequest(
        ErrorCodes.FIELD_INTEGRITY_EXCEPTION,
        f.label() + ": id value of incorrect type: " + id,
        List.of(f.name()));
  }

  private static ApiException crossReference(FieldDef f) {
    return ApiException.badRequest(
        ErrorCodes.INVALID_CROSS_REFERENCE_KEY, "invalid cross reference id", List.of(f.name()));
  }

  ApiException requiredMissing(List<String> missing) {
    return ApiException.badRequest(
        ErrorCodes.REQUIRED_FIELD_MISSING,
        "Required fields are missing: [" + String.join(", ", missing) + "]",
        missing);
  }

  static boolean isBlank(Object v) {
    return v == null || (v instanceof String s && s.isEmpty());
  }

  void checkUnique(ObjectTable table, String id, Map<String, Object> row) {
    for (FieldDef f : table.def().indexedFields()) {
      if (!f.unique()) {
        continue;
      }
      for (String other : table.lookup(f.name(), row.get(f.name()))) {
        if (!other.equals(id)) {
          throw ApiException.badRequest(
              ErrorCodes.DUPLICATE_VALUE,
              "duplicate value found: "
                  + f.name()
                  + " duplicates value on record with id: "
                  + other,
              List.of(f.name()));
        }
      }
    }
  }

  void checkDuplicateRule(
      ObjectTable table, String id, Map<String, Object> row, WriteOptions opts) {
    if (!duplicateRules || opts.allowDuplicateSave() || !table.isIndexed("Email")) {
      return;
    }
    List<String> matches = new ArrayList<>();
    for (String other : table.lookup("Email", row.get("Email"))) {
      if (!other.equals(id)) {
        matches.add(other);
      }
    }
    if (!matches.isEmpty()) {
      throw DuplicateRuleError.of(table.def().name(), matches, opts.apiVersion());
    }
  }
}
