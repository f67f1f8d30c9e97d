package io.github.sfactions.client;

import java.util.List;
import java.util.Optional;

/**
 * An object's describe answer ({@code GET /sobjects/{Object}/describe}), reduced to what the
 * connector uses.
 *
 * @param name API name (canonical casing)
 * @param keyPrefix 3-char id prefix (may be null)
 * @param fields the object's fields in Salesforce's order
 */
public record SObjectDescribe(
    String name,
    String label,
    String keyPrefix,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean deletable,
    boolean queryable,
    List<FieldDescribe> fields) {

  public SObjectDescribe {
    fields = List.copyOf(fields);
  }

  /** The field with this API name, matched case-insensitively as Salesforce does. */
  public Optional<FieldDescribe> field(String apiName) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(apiName)).findFirst();
  }

  /** Fields that must be given on create ({@link FieldDescribe#requiredOnCreate()}). */
  public List<FieldDescribe> requiredOnCreate() {
    return fields.stream().filter(FieldDescribe::requiredOnCreate).toList();
  }
}
