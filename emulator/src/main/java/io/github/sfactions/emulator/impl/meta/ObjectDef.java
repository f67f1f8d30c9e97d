package io.github.sfactions.emulator.impl.meta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An sObject type: name, key prefix and fields (looked up case-insensitively). */
public final class ObjectDef {
  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final boolean custom;
  private final Map<String, FieldDef> fields;
  private final Map<String, FieldDef> byLowerName;
  private final List<FieldDef> indexedFields;

  public ObjectDef(
      String name,
      String label,
      String labelPlural,
      String keyPrefix,
      boolean custom,
      Collection<FieldDef> fieldDefs) {
    this.name = name;
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
    this.custom = custom;
    Map<String, FieldDef> ordered = new LinkedHashMap<>();
    Map<String, FieldDef> lower = new LinkedHashMap<>();
    List<FieldDef> indexed = new ArrayList<>();
    for (FieldDef f : fieldDefs) {
      ordered.put(f.name(), f);
      lower.put(f.name().toLowerCase(Locale.ROOT), f);
      if (f.indexed()) {
        indexed.add(f);
      }
    }
    this.fields = Collections.unmodifiableMap(ordered);
    this.byLowerName = Collections.unmodifiableMap(lower);
    this.indexedFields = List.copyOf(indexed);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String labelPlural() {
    return labelPlural;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public boolean custom() {
    return custom;
  }

  /** Fields in describe order, keyed by canonical name. */
  public Map<String, FieldDef> fields() {
    return fields;
  }

  public Optional<FieldDef> field(String anyCase) {
    return anyCase == null
        ? Optional.empty()
        : Optional.ofNullable(byLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
  }

  /** The reference field whose relationship name is given (e.g. {@code Account} for AccountId). */
  public Optional<FieldDef> relationship(String anyCase) {
    if (anyCase == null) {
      return Optional.empty();
    }
    for (FieldDef f : fields.values()) {
      if (f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(anyCase)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * A child relationship of {@code parent}: its name is the child's plural label without spaces
   * ({@code Contacts}, {@code Opportunities}, {@code Cases}), plus {@code __r} for custom children,
   * and its field the child's first createable reference field to the parent.
   *
   * @param objects all objects of the org
   * @param parent the parent object
   * @param anyCase the relationship name, any casing
   * @return the relationship, or empty when {@code parent} has none of that name
   */
  public static Optional<ChildRelationship> childRelationship(
      Collection<ObjectDef> objects, ObjectDef parent, String anyCase) {
    for (ObjectDef child : objects) {
      String rel = child.labelPlural().replace(" ", "") + (child.custom() ? "__r" : "");
      if (!rel.equalsIgnoreCase(anyCase)) {
        continue;
      }
      for (FieldDef f : child.fields().values()) {
        if (f.type() == FieldType.REFERENCE
            && f.referenceTo().contains(parent.name())
            && f.createable()) {
          return Optional.of(new ChildRelationship(rel, child, f));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A child relationship: {@code child} records whose {@code referenceField} holds the parent's id.
   *
   * @param name canonical name, e.g. {@code Contacts}
   * @param child the child object
   * @param referenceField the child's reference field to the parent
   */
  public record ChildRelationship(String name, ObjectDef child, FieldDef referenceField) {}

  /** External id and unique fields, whose values the store indexes. */
  public List<FieldDef> indexedFields() {
    return indexedFields;
  }

  /** A copy with more fields (a configured field replaces a same-named one). */
  public ObjectDef withFields(Collection<FieldDef> extra) {
    Map<String, FieldDef> merged = new LinkedHashMap<>();
    for (FieldDef f : fields.values()) {
      merged.put(f.name().toLowerCase(Locale.ROOT), f);
    }
    for (FieldDef f : extra) {
      merged.put(f.name().toLowerCase(Locale.ROOT), f);
    }
    return new ObjectDef(name, label, labelPlural, keyPrefix, custom, merged.values());
  }
}
