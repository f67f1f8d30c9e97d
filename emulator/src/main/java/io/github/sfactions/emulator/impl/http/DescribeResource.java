package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.StandardObjects;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describe global, describe object and sObject basic information. */
final class DescribeResource {
  private final EmulatorCore core;
  private final Instant metadataModified = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  DescribeResource(EmulatorCore core) {
    this.core = core;
  }

  Reply global(String version) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ObjectDef def : core.schema().objects()) {
      list.add(summary(def, version));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("encoding", "UTF-8");
    out.put("maxBatchSize", 200);
    out.put("sobjects", list);
    return Reply.json(200, out);
  }

  Reply basicInfo(ObjectDef def, String version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("objectDescribe", summary(def, version));
    out.put("recentItems", List.of());
    return Reply.json(200, out);
  }

  Reply describe(ObjectDef def, String version, String ifModifiedSince) {
    if (ifModifiedSince != null && notModifiedSince(ifModifiedSince)) {
      return Reply.empty(304);
    }
    Map<String, Object> out = summary(def, version);
    out.put("childRelationships", List.of());
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldDef f : def.fields().values()) {
      fields.add(field(f));
    }
    out.put("fields", fields);
    out.put("recordTypeInfos", List.of());
    out.put(
        "supportedScopes",
        List.of(Map.of("label", "All " + def.labelPlural(), "name", "everything")));
    return Reply.json(200, out)
        .withHeader(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(metadataModified.atZone(ZoneOffset.UTC)));
  }

  private boolean notModifiedSince(String header) {
    try {
      return !metadataModified.isAfter(
          ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Map<String, Object> summary(ObjectDef def, String version) {
    String base = "/services/data/v" + version + "/sobjects/" + def.name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activateable", false);
    boolean writable = !StandardObjects.orgManaged(def);
    m.put("createable", writable);
    m.put("custom", def.custom());
    m.put("customSetting", false);
    m.put("deletable", writable);
    m.put("deprecatedAndHidden", false);
    m.put("feedEnabled", false);
    m.put("keyPrefix", def.keyPrefix());
    m.put("label", def.label());
    m.put("labelPlural", def.labelPlural());
    m.put("layoutable", true);
    m.put("mergeable", !def.custom());
    m.put("name", def.name());
    m.put("queryable", true);
    m.put("replicateable", true);
    m.put("retrieveable", true);
    m.put("searchable", true);
    m.put("triggerable", true);
    m.put("undeletable", writable);
    m.put("updateable", writable);
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("sobject", base);
    urls.put("describe", base + "/describe");
    urls.put("rowTemplate", base + "/{ID}");
    m.put("urls", urls);
    return m;
  }

  private static Map<String, Object> field(FieldDef f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("aggregatable", f.filterable() && f.type() != FieldType.TEXTAREA);
    m.put("autoNumber", f.autoNumber());
    m.put(
        "byteLength",
        f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE
            ? f.length() * 3
            : 0);
    m.put("calculated", f.calculated());
    m.put("caseSensitive", f.caseSensitive());
    m.put("createable", f.createable());
    m.put("custom", f.custom());
    m.put("defaultValue", f.defaultValue() instanceof Boolean ? f.defaultValue() : null);
    m.put("defaultValueFormula", null);
    m.put("defaultedOnCreate", f.defaultedOnCreate());
    m.put("digits", f.type() == FieldType.INT ? f.precision() : 0);
    m.put("externalId", f.externalId());
    m.put("filterable", f.filterable());
    m.put(
        "groupable",
        f.filterable()
            && f.type() != FieldType.DOUBLE
            && f.type() != FieldType.CURRENCY
            && f.type() != FieldType.PERCENT
            && f.type() != FieldType.DATETIME);
    m.put("htmlFormatted", false);
    m.put("idLookup", f.idLookup());
    m.put("label", f.label());
    m.put(
        "length",
        f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE
            ? f.length()
            : 0);
    m.put("name", f.name());
    m.put("nameField", f.name().equals("Name"));
    m.put("nillable", f.nillable());
    List<Map<String, Object>> picklist = new ArrayList<>();
    for (String v : f.picklistValues()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("active", true);
      p.put("defaultValue", v.equals(f.defaultValue()));
      p.put("label", v);
      p.put("validFor", null);
      p.put("value", v);
      picklist.add(p);
    }
    m.put("picklistValues", picklist);
    m.put("precision", f.type().isNumber() && f.type() != FieldType.INT ? f.precision() : 0);
    m.put("referenceTo", f.referenceTo());
    m.put("relationshipName", f.relationshipName());
    m.put("restrictedPicklist", f.restrictedPicklist());
    m.put("scale", f.type().isNumber() && f.type() != FieldType.INT ? f.scale() : 0);
    m.put("soapType", f.type().soapType());
    m.put("sortable", f.sortable());
    m.put("type", f.type().apiName());
    m.put("unique", f.unique());
    m.put("updateable", f.updateable());
    return m;
  }
}
