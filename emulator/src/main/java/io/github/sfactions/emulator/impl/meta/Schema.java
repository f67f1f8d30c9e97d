package io.github.sfactions.emulator.impl.meta;

import io.github.sfactions.emulator.EmulatorConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The org's metadata: every sObject type, looked up case-insensitively or by key prefix. */
public final class Schema {
  private final Map<String, ObjectDef> byLowerName;
  private final Map<String, ObjectDef> byKeyPrefix;

  private Schema(Collection<ObjectDef> objects) {
    Map<String, ObjectDef> names = new LinkedHashMap<>();
    Map<String, ObjectDef> prefixes = new LinkedHashMap<>();
    for (ObjectDef o : objects) {
      names.put(o.name().toLowerCase(Locale.ROOT), o);
      prefixes.put(o.keyPrefix(), o);
    }
    this.byLowerName = names;
    this.byKeyPrefix = prefixes;
  }

  /** Standard objects plus the configured custom objects and fields. */
  public static Schema from(EmulatorConfig config) {
    Map<String, ObjectDef> objects = new LinkedHashMap<>();
    for (ObjectDef o : StandardObjects.all()) {
      objects.put(o.name().toLowerCase(Locale.ROOT), o);
    }
    int nextCustomPrefix = 0;
    if (config.objects() != null) {
      for (EmulatorConfig.SObject oc : config.objects()) {
        if (oc.name() == null || oc.name().isBlank()) {
          throw new IllegalArgumentException("Every configured object needs a name");
        }
        List<FieldDef> fields = new ArrayList<>();
        if (oc.fields() != null) {
          for (EmulatorConfig.Field fc : oc.fields()) {
            fields.add(toField(oc.name(), fc));
          }
        }
        String key = oc.name().toLowerCase(Locale.ROOT);
        ObjectDef existing = objects.get(key);
        if (existing != null) {
          objects.put(key, existing.withFields(fields));
          continue;
        }
        if (!oc.name().endsWith("__c")) {
          throw new IllegalArgumentException("Custom object name must end in __c: " + oc.name());
        }
        String prefix = oc.keyPrefix();
        if (prefix == null) {
          prefix = customPrefix(nextCustomPrefix++);
        }
        if (prefix.length() != 3) {
          throw new IllegalArgumentException("Key prefix must have 3 characters: " + prefix);
        }
        String base = oc.name().substring(0, oc.name().length() - 3).replace('_', ' ');
        List<FieldDef> all = new ArrayList<>(StandardObjects.customObjectBaseFields());
        ObjectDef def =
            new ObjectDef(
                    oc.name(),
                    oc.label() != null ? oc.label() : base,
                    oc.labelPlural() != null ? oc.labelPlural() : base + "s",
                    prefix,
                    true,
                    all)
                .withFields(fields);
        objects.put(key, def);
      }
    }
    return new Schema(objects.values());
  }

  private static String customPrefix(int n) {
    String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    return "a" + digits.charAt(n / 36 % 36) + digits.charAt(n % 36);
  }

  private static FieldDef toField(String object, EmulatorConfig.Field fc) {
    FieldType type =
        FieldType.fromApiName(fc.type() == null ? "string" : fc.type())
            .filter(t -> t != FieldType.ID)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Unknown type '" + fc.type() + "' for field " + object + "." + fc.name()));
    FieldDef.Builder b = FieldDef.builder(fc.name(), type);
    if (fc.label() != null) {
      b.label(fc.label());
    }
    if (fc.length() != null) {
      b.length(fc.length());
      if (type == FieldType.TEXTAREA && fc.length() > 255) {
        b.longText(fc.length());
      }
    }
    if (fc.precision() != null) {
      b.precision(fc.precision(), fc.scale() == null ? 0 : fc.scale());
    }
    if (Boolean.TRUE.equals(fc.required())) {
      b.required();
    }
    if (Boolean.TRUE.equals(fc.externalId())) {
      b.externalId(true);
    }
    // External ids are unique unless the configuration says otherwise ("unique": false allows 300
    // answers).
    boolean unique = fc.unique() != null ? fc.unique() : Boolean.TRUE.equals(fc.externalId());
    b.unique(unique);
    if (Boolean.TRUE.equals(fc.caseSensitive())) {
      b.caseSensitive(true);
    }
    if (fc.filterable() != null) {
      b.filterable(fc.filterable()).sortable(fc.filterable());
    }
    if (fc.picklistValues() != null) {
      b.picklist(fc.picklistValues(), Boolean.TRUE.equals(fc.restrictedPicklist()));
    }
    if (type == FieldType.REFERENCE) {
      String rel =
          fc.name().endsWith("__c")
              ? fc.name().substring(0, fc.name().length() - 3) + "__r"
              : fc.name();
      b.referenceTo(fc.referenceTo(), rel);
    }
    if (fc.defaultValue() != null) {
      b.defaultValue(typedDefault(object, fc, type));
    }
    return b.build();
  }

  /**
   * A configured default in the stored representation (BigDecimal for numbers, Boolean, String).
   */
  private static Object typedDefault(String object, EmulatorConfig.Field fc, FieldType type) {
    String text = fc.defaultValue().toString();
    try {
      if (type.isNumber()) {
        return new java.math.BigDecimal(text);
      }
      if (type == FieldType.BOOLEAN) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException(text);
        }
        return Boolean.valueOf(text);
      }
      return text;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Default value '"
              + text
              + "' does not fit field "
              + object
              + "."
              + fc.name()
              + " of type "
              + type.apiName(),
          e);
    }
  }

  public Optional<ObjectDef> object(String anyCase) {
    return anyCase == null
        ? Optional.empty()
        : Optional.ofNullable(byLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
  }

  public Optional<ObjectDef> objectByKeyPrefix(String prefix) {
    return Optional.ofNullable(byKeyPrefix.get(prefix));
  }

  public Collection<ObjectDef> objects() {
    return byLowerName.values();
  }
}
