package io.github.sfactions.emulator.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;

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

/**
 * Turns incoming field values (JSON for REST, CSV text for Bulk) into the stored representation:
 * canonical field names and String / Boolean / BigDecimal / null values.
 */
public final class FieldValues {
    /** Salesforce's datetime wire format. */
    public static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final String ATTRIBUTES = "attributes";

    private FieldValues() {
    }

    public static String formatDateTime(Instant instant) {
        return DATETIME_OUT.format(instant);
    }

    /** Converts a JSON record body; unknown fields and wrong JSON types are errors. */
    public static Map<String, Object> fromJson(ObjectDef def, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(ErrorCodes.JSON_PARSER_ERROR,
                    "Cannot deserialize instance of " + def.name() + " from "
                            + (body == null ? "empty body" : tokenName(body)) + " value", List.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(ATTRIBUTES)) {
                continue;
            }
            FieldDef field = def.field(e.getKey()).orElseThrow(() -> noSuchColumn(def, e.getKey()));
            out.put(field.name(), fromJsonValue(field, e.getValue()));
        }
        return out;
    }

    public static ApiException noSuchColumn(ObjectDef def, String name) {
        return ApiException.badRequest(ErrorCodes.INVALID_FIELD,
                "No such column '" + name + "' on sobject of type " + def.name(), List.of());
    }

    private static Object fromJsonValue(FieldDef f, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw jsonTypeError(f, v);
        }
        FieldType t = f.type();
        if (t.isText() || t == FieldType.ID || t == FieldType.REFERENCE) {
            String text = v.asText();
            return (t == FieldType.ID || t == FieldType.REFERENCE) ? Ids.normalize(text).orElse(text) : text;
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
        return ApiException.badRequest(ErrorCodes.JSON_PARSER_ERROR,
                "Cannot deserialize instance of " + f.type().apiName() + " from " + tokenName(v) + shown
                        + " or request may be missing a required field", List.of());
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
     * Converts Bulk CSV cells (already keyed by canonical name; null = {@code #N/A}) to stored values;
     * a wrong value is INVALID_TYPE_ON_FIELD_IN_RECORD as in Bulk API results.
     */
    public static Map<String, Object> fromText(ObjectDef def, Map<String, String> cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            FieldDef f = def.field(e.getKey()).orElseThrow(() -> noSuchColumn(def, e.getKey()));
            out.put(f.name(), fromText(f, e.getValue()));
        }
        return out;
    }

    public static Object fromText(FieldDef f, String text) {
        if (text == null) {
            return null;
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
            throw ApiException.badRequest(ErrorCodes.INVALID_TYPE_ON_FIELD_IN_RECORD,
                    f.name() + ": value not of required type: " + text, List.of(f.name()));
        }
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
        return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s).toString();
    }

    static String parseDateTime(String s) {
        try {
            if (s.length() == 10) {
                return formatDateTime(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            var parsed = DATETIME_IN.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return formatDateTime(instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
