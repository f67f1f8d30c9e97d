package io.github.sfactions.emulator.soql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small org: Case (with a non-filterable textarea Description) and Account, looked up
 * case-insensitively.
 */
final class TestSchema implements SoqlSchema {

  static final TestSchema INSTANCE = new TestSchema();

  private final Map<String, String> objects = new LinkedHashMap<>();
  private final Map<String, Map<String, FieldInfo>> fields = new LinkedHashMap<>();

  private TestSchema() {
    define(
        "Case",
        List.of(
            new FieldInfo("Id", "id", true, true),
            new FieldInfo("Subject", "string", true, true),
            new FieldInfo("Description", "textarea", false, false),
            new FieldInfo("Status", "picklist", true, true),
            new FieldInfo("IsEscalated", "boolean", true, true),
            new FieldInfo("AccountId", "reference", true, true),
            new FieldInfo("Ext__c", "string", true, true),
            new FieldInfo("Amount__c", "currency", true, true),
            new FieldInfo("Units__c", "int", true, true),
            new FieldInfo("Due__c", "date", true, true),
            new FieldInfo("ClosedDate", "datetime", true, true),
            new FieldInfo("SuppliedEmail", "email", true, true)));
    define(
        "Account",
        List.of(
            new FieldInfo("Id", "id", true, true),
            new FieldInfo("Name", "string", true, true),
            new FieldInfo("NumberOfEmployees", "int", true, true),
            new FieldInfo("Description", "textarea", false, false)));
    // An object whose metadata omits Id: the parser must still accept it.
    define("Note__c", List.of(new FieldInfo("Body__c", "string", true, true)));
  }

  private void define(String object, List<FieldInfo> objectFields) {
    objects.put(object.toLowerCase(Locale.ROOT), object);
    Map<String, FieldInfo> byName = new LinkedHashMap<>();
    objectFields.forEach(field -> byName.put(field.name().toLowerCase(Locale.ROOT), field));
    fields.put(object, byName);
  }

  @Override
  public Optional<String> canonicalObjectName(String name) {
    return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<FieldInfo> field(String canonicalObject, String fieldName) {
    Map<String, FieldInfo> byName = fields.get(canonicalObject);
    return byName == null
        ? Optional.empty()
        : Optional.ofNullable(byName.get(fieldName.toLowerCase(Locale.ROOT)));
  }
}
