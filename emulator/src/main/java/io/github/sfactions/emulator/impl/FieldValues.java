package io.github.sfactions.emulator.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns incoming field values (JSON for REST, CSV text for Bulk) into the stored representation:
 * canonical field names and String / Boolean / BigDecimal / null values.
 */
public final class FieldValues {
  /** Salesforce's datetime wire format. */
  public static final DateTimeFormatter DATETIME_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DATETIME_IN =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm[:ss]")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final String ATTRIBUTES = "attributes";

  private FieldValues() {}

  public static String formatDateTime(Instant instant) {
    return DATETIME_OUT.format(instant);
  }

  /**
   * A lookup given by the target's external id ({@code "Account": {"Ext__c": "A1"}} in JSON, {@code
   * Account.Ext__c} in Bulk CSV); the record service resolves it to an id.
   */
  public record RelationshipRef(
      FieldDef referenceField, String targetObject, FieldDef targetField, Object value) {}

  /** Converts a JSON record body; unknown fields and wrong JSON types are errors. */
  public static Map<String, Object> fromJson(Schema schema, ObjectDef def, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest(
          ErrorCodes.JSON_PARSER_ERROR,
          "Cannot deserialize instance of "
              + def.name()
              + " from "
              + (body == null ? "empty body" : tokenName(body))
              + " value",
          List.of());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(ATTRIBUTES)) {
        continue;
      }
      Optional<FieldDef> field = def.field(e.getKey());
      if (field.isPresent()) {
        out.put(field.get().name(), fromJsonValue(field.get(), e.getValue()));
        continue;
      }
      RelationshipRef ref =
          jsonRelationship(schema, def, e.getKey(), e.getValue())
              .orElseThrow(() -> noSuchColumn(def, e.getKey()));
      out.put(ref.referenceField().name(), ref);
    }
    return out;
  }

  private static Optional<RelationshipRef> jsonRelationship(
      Schema schema, ObjectDef def, String name, JsonNode value) {
    Optional<FieldDef> ref = def.relationship(name);
    if (ref.isEmpty() || value == null || !value.isObject()) {
      return Optional.empty();
    }
    ObjectDef target = schema.object(ref.get().referenceTo().get(0)).orElse(null);
    if (target == null) {
      return Optional.empty();
    }
    FieldDef key = null;
    JsonNode keyValue = null;
    Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(ATTRIBUTES)) {
        continue;
      }
      FieldDef f =
          target
              .field(e.getKey())
              .filter(FieldValues::isLookupKey)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          ErrorCodes.INVALID_FIELD,
                          "The field "
                              + e.getKey()
                              + " on "
                              + target.name()
                              + " is not an external id field",
                          List.of()));
      if (key != null) {
        throw ApiException.badRequest(
            ErrorCodes.INVALID_FIELD,
            "More than one foreign key external ID given for " + name,
            List.of());
      }
      key = f;
      keyValue = e.getValue();
    }
    if (key == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RelationshipRef(ref.get(), target.name(), key, fromJsonValue(key, keyValue)));
  }

  /** Fields that identify a record for a relationship: external ids and Id. */
  public static boolean isLookupKey(FieldDef f) {
    return f.externalId() || f.type() == FieldType.ID;
  }

  /**
   * Canonical {@code Relationship.Field} for a Bulk header such as {@code account.ext__c}, if it is
   * one.
   */
  public static Optional<String> relationshipColumn(Schema schema, ObjectDef def, String header) {
    int dot = header.indexOf('.');
    if (dot <= 0 || dot == header.length() - 1) {
      return Optional.empty();
    }
    Optional<FieldDef> ref = def.relationship(header.substring(0, dot));
    return ref.flatMap(r -> schema.object(r.referenceTo().get(0)))
        .flatMap(t -> t.field(header.substring(dot + 1)).filter(FieldValues::isLookupKey))
        .map(f -> ref.get().relationshipName() + "." + f.name());
  }

  public static ApiException noSuchColumn(ObjectDef def, String name) {
    return ApiException.badRequest(
        ErrorCodes.INVALID_FIELD,
        "No such column '" + name + "' on sobject of type " + def.name(),
        List.of());
  }

  private static Object fromJsonValue(FieldDef f, JsonNode v) {
    if (v == null || v.isNull()) {
      return nullValue(f);
    }
    if (v.isContainerNode()) {
      throw jsonTypeError(f, v);
    }
    FieldType t = f.type();
    if (t.isText() || t == FieldType.ID || t == FieldType.REFERENCE) {
      String text = v.asText();
      return (t == FieldType.ID || t == FieldType.REFERENCE)
          ? Ids.normalize(text).orElse(text)
          : text;
    }
    try {
      return switch (t) {
        case BOOLEAN -> {
          if (v.isBoolean()) {
            yield v.booleanValue();
          }
          yield parseBoolean(v.asText());
        }
        case INT, DOUBLE, CURRENCY, PERCENT -> {
          BigDecimal n = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
          if (t == FieldType.INT && n.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("not an integer");
          }
          yield n;
        }
        case DATE -> parseDate(v.asText());
        case DATETIME -> parseDateTime(v.asText());
        default -> v.asText();
      };
    } catch (RuntimeException e) {
      throw jsonTypeError(f, v);
    }
  }

  private static ApiException jsonTypeError(FieldDef f, JsonNode v) {
    String shown = v.isContainerNode() ? "" : " value " + v.asText();
    return ApiException.badRequest(
        ErrorCodes.JSON_PARSER_ERROR,
        "Cannot deserialize instance of "
            + f.type().apiName()
            + " from "
            + tokenName(v)
            + shown
            + " or request may be missing a required field",
        List.of());
  }

  private static String tokenName(JsonNode v) {
    if (v.isObject()) {
      return "START_OBJECT";
    }
    if (v.isArray()) {
      return "START_ARRAY";
    }
    if (v.isTextual()) {
      return "VALUE_STRING";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
    }
    if (v.isIntegralNumber()) {
      return "VALUE_NUMBER_INT";
    }
    if (v.isNumber()) {
      return "VALUE_NUMBER_FLOAT";
    }
    return "VALUE_NULL";
  }

  /**
   * Converts Bulk CSV cells (already keyed by canonical name; null = {@code #N/A}) to stored
   * values; a wrong value is INVALID_TYPE_ON_FIELD_IN_RECORD as in Bulk API results.
   */
  public static Map<String, Object> fromText(
      Schema schema, ObjectDef def, Map<String, String> cells) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : cells.entrySet()) {
      Optional<FieldDef> f = def.field(e.getKey());
      if (f.isPresent()) {
        out.put(f.get().name(), fromText(f.get(), e.getValue()));
        continue;
      }
      String column =
          relationshipColumn(schema, def, e.getKey())
              .orElseThrow(() -> noSuchColumn(def, e.getKey()));
      int dot = column.indexOf('.');
      FieldDef ref = def.relationship(column.substring(0, dot)).orElseThrow();
      ObjectDef target = schema.object(ref.referenceTo().get(0)).orElseThrow();
      FieldDef key = target.field(column.substring(dot + 1)).orElseThrow();
      out.put(
          ref.name(),
          e.getValue() == null
              ? null
              : new RelationshipRef(ref, target.name(), key, fromText(key, e.getValue())));
    }
    return out;
  }

  public static Object fromText(FieldDef f, String text) {
    if (text == null) {
      return nullValue(f);
    }
    FieldType t = f.type();
    if (t.isText()) {
      return text;
    }
    if (t == FieldType.ID || t == FieldType.REFERENCE) {
      return Ids.normalize(text.trim()).orElse(text);
    }
    try {
      return switch (t) {
        case BOOLEAN -> parseBoolean(text);
        case INT, DOUBLE, CURRENCY, PERCENT -> {
          BigDecimal n = new BigDecimal(text.trim());
          if (t == FieldType.INT && n.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("not an integer");
          }
          yield n;
        }
        case DATE -> parseDate(text.trim());
        case DATETIME -> parseDateTime(text.trim());
        default -> text;
      };
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_TYPE_ON_FIELD_IN_RECORD,
          f.name() + ": value not of required type: " + text,
          List.of(f.name()));
    }
  }

  /** Checkboxes cannot be null in Salesforce: clearing one unchecks it. */
  private static Object nullValue(FieldDef f) {
    return f.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
  }

  private static Boolean parseBoolean(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("1")) {
      return Boolean.TRUE;
    }
    if (t.equals("false") || t.equals("0")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  static String parseDate(String s) {
    return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s)
        .toString();
  }

  static String parseDateTime(String s) {
    try {
      if (s.length() == 10) {
        return formatDateTime(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      var parsed = DATETIME_IN.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      Instant instant =
          parsed instanceof OffsetDateTime odt
              ? odt.toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return formatDateTime(instant);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
