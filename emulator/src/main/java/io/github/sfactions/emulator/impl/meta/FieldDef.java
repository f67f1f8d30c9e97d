package io.github.sfactions.emulator.impl.meta;

import java.util.List;

/**
 * One field of an sObject with the describe properties the emulator honours. Required on create ⇔
 * createable && !nillable && !defaultedOnCreate.
 */
public record FieldDef(
    String name,
    String label,
    FieldType type,
    int length,
    int precision,
    int scale,
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
    boolean custom,
    boolean calculated,
    boolean autoNumber,
    List<String> referenceTo,
    String relationshipName,
    List<String> picklistValues,
    boolean restrictedPicklist,
    Object defaultValue) {

  public FieldDef {
    referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
  }

  public boolean requiredOnCreate() {
    return createable && !nillable && !defaultedOnCreate;
  }

  /** True when the field's values must be kept unique/indexed for lookups. */
  public boolean indexed() {
    return externalId || unique;
  }

  /** Starts a field definition with type defaults (length, filterable, sortable). */
  public static Builder builder(String name, FieldType type) {
    return new Builder(name, type);
  }

  /** Fluent construction of a {@link FieldDef}. */
  public static final class Builder {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private int precision;
    private int scale;
    private boolean nillable = true;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean filterable = true;
    private boolean sortable = true;
    private boolean externalId;
    private boolean unique;
    private boolean idLookup;
    private boolean caseSensitive;
    private boolean defaultedOnCreate;
    private boolean custom;
    private boolean calculated;
    private boolean autoNumber;
    private List<String> referenceTo = List.of();
    private String relationshipName;
    private List<String> picklistValues = List.of();
    private boolean restrictedPicklist;
    private Object defaultValue;

    private Builder(String name, FieldType type) {
      this.name = name;
      this.type = type;
      this.custom = name.endsWith("__c");
      this.label = defaultLabel(name);
      switch (type) {
        case STRING, PICKLIST, URL -> length = 255;
        case EMAIL -> length = 80;
        case PHONE -> length = 40;
        case TEXTAREA -> length = 255;
        case MULTIPICKLIST -> {
          length = 4099;
          sortable = false;
        }
        case ID, REFERENCE -> length = 18;
        case INT -> {
          precision = 9;
        }
        case DOUBLE, CURRENCY, PERCENT -> {
          precision = 18;
          scale = 2;
        }
        case BOOLEAN -> {
          nillable = false;
          defaultedOnCreate = true;
          defaultValue = Boolean.FALSE;
        }
        default -> {}
      }
    }

    private static String defaultLabel(String name) {
      String base = name.endsWith("__c") ? name.substring(0, name.length() - 3) : name;
      return base.replace('_', ' ');
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder length(int v) {
      length = v;
      return this;
    }

    public Builder precision(int p, int s) {
      precision = p;
      scale = s;
      return this;
    }

    /** Required on create and never null. */
    public Builder required() {
      nillable = false;
      return this;
    }

    public Builder nillable(boolean v) {
      nillable = v;
      return this;
    }

    public Builder createable(boolean v) {
      createable = v;
      return this;
    }

    public Builder updateable(boolean v) {
      updateable = v;
      return this;
    }

    /** System or computed field: not createable, not updateable. */
    public Builder readOnly() {
      createable = false;
      updateable = false;
      return this;
    }

    public Builder filterable(boolean v) {
      filterable = v;
      return this;
    }

    public Builder sortable(boolean v) {
      sortable = v;
      return this;
    }

    public Builder externalId(boolean v) {
      externalId = v;
      if (v) {
        idLookup = true;
      }
      return this;
    }

    public Builder unique(boolean v) {
      unique = v;
      return this;
    }

    public Builder idLookup(boolean v) {
      idLookup = v;
      return this;
    }

    public Builder caseSensitive(boolean v) {
      caseSensitive = v;
      return this;
    }

    public Builder defaultedOnCreate(boolean v) {
      defaultedOnCreate = v;
      return this;
    }

    public Builder calculated(boolean v) {
      calculated = v;
      return this;
    }

    public Builder autoNumber(boolean v) {
      autoNumber = v;
      return this;
    }

    public Builder referenceTo(String target, String relationship) {
      referenceTo = List.of(target);
      relationshipName = relationship;
      return this;
    }

    public Builder picklist(List<String> values, boolean restricted) {
      picklistValues = values;
      restrictedPicklist = restricted;
      return this;
    }

    /** A value set on create when the field is absent. */
    public Builder defaultValue(Object v) {
      defaultValue = v;
      defaultedOnCreate = v != null || defaultedOnCreate;
      return this;
    }

    /** A long text area: not filterable, not sortable. */
    public Builder longText(int len) {
      length = len;
      filterable = false;
      sortable = false;
      return this;
    }

    public FieldDef build() {
      return new FieldDef(
          name,
          label,
          type,
          length,
          precision,
          scale,
          nillable,
          createable,
          updateable,
          filterable,
          sortable,
          externalId,
          unique,
          idLookup,
          caseSensitive,
          defaultedOnCreate,
          custom,
          calculated,
          autoNumber,
          referenceTo,
          relationshipName,
          picklistValues,
          restrictedPicklist,
          defaultValue);
    }
  }
}
