package io.github.sfactions.emulator.soql;

import java.util.Optional;

/**
 * The org metadata the SOQL parser validates a query against. Implemented by the emulator core over
 * its object/field model; lookups are case-insensitive and answer with canonical names.
 */
public interface SoqlSchema {

  /**
   * @param name an object name as written in the query, any casing
   * @return the canonical API name (e.g. {@code Case}), or empty when the org has no such object
   */
  Optional<String> canonicalObjectName(String name);

  /**
   * @param canonicalObject an object name as returned by {@link #canonicalObjectName(String)}
   * @param fieldName a field name as written in the query, any casing
   * @return the field's describe information, or empty when the object has no such field
   */
  Optional<FieldInfo> field(String canonicalObject, String fieldName);

  /**
   * A parent relationship of the object, e.g. {@code Account} on Contact or {@code Owner} on Lead.
   *
   * @param canonicalObject an object name as returned by {@link #canonicalObjectName(String)}
   * @param relationshipName a relationship name as written in the query, any casing
   * @return the relationship, or empty when the object has none of that name (the default)
   */
  default Optional<Relationship> relationship(String canonicalObject, String relationshipName) {
    return Optional.empty();
  }

  /**
   * All fields of the object in describe order, for {@code FIELDS(...)}; custom ones end in {@code
   * __c}.
   *
   * @param canonicalObject an object name as returned by {@link #canonicalObjectName(String)}
   * @return the fields (empty by default)
   */
  default java.util.List<FieldInfo> fields(String canonicalObject) {
    return java.util.List.of();
  }

  /**
   * A child relationship of the object, e.g. {@code Contacts} on Account.
   *
   * @param canonicalObject the parent object's canonical name
   * @param relationshipName a child relationship name as written in the query, any casing
   * @return the relationship, or empty when the object has none of that name (the default)
   */
  default Optional<ChildRelationship> childRelationship(
      String canonicalObject, String relationshipName) {
    return Optional.empty();
  }

  /**
   * A child relationship.
   *
   * @param name canonical relationship name, e.g. {@code Contacts}
   * @param childObject the canonical child object name, e.g. {@code Contact}
   * @param referenceField the child's reference field holding the parent id, e.g. {@code AccountId}
   */
  record ChildRelationship(String name, String childObject, String referenceField) {}

  /**
   * A parent relationship.
   *
   * @param name canonical relationship name, e.g. {@code Account}
   * @param referenceField the reference field holding the parent id, e.g. {@code AccountId}
   * @param targetObject the canonical parent object name
   */
  record Relationship(String name, String referenceField, String targetObject) {}

  /**
   * The describe properties of one field that SOQL validation needs.
   *
   * @param name canonical API name, e.g. {@code Ext__c}
   * @param type Salesforce describe type: {@code id, string, textarea, email, phone, url, picklist,
   *     boolean, int, double, currency, percent, date, datetime, reference}
   * @param filterable whether the field may appear in WHERE
   * @param sortable whether the field may appear in ORDER BY
   */
  record FieldInfo(String name, String type, boolean filterable, boolean sortable) {}
}
