package io.github.sfactions.client;

import java.util.List;

/**
 * The field properties of a describe answer that the connector relies on.
 *
 * @param name API name (canonical casing)
 * @param label display label
 * @param type describe type, e.g. {@code string}, {@code textarea}, {@code reference}, {@code
 *     double}
 * @param length max length for text types (0 otherwise)
 * @param picklistValues active picklist values (empty for other types)
 * @param referenceTo objects a reference field points to
 */
public record FieldDescribe(
    String name,
    String label,
    String type,
    int length,
    boolean nillable,
    boolean createable,
    boolean updateable,
    boolean filterable,
    boolean sortable,
    boolean externalId,
    boolean unique,
    boolean idLookup,
    boolean caseSensitive,
    boolean defaultedOnCreate,
    boolean calculated,
    boolean custom,
    List<String> picklistValues,
    List<String> referenceTo,
    String relationshipName) {

  public FieldDescribe {
    picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
  }

  /**
   * Required on create: {@code createable && !nillable && !defaultedOnCreate} (the rule Data Loader
   * uses).
   */
  public boolean requiredOnCreate() {
    return createable && !nillable && !defaultedOnCreate;
  }
}
