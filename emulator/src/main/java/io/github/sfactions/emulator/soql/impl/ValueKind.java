package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.SalesforceIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How SOQL compares the values of a field, by describe type. Record values are turned into
 * comparison keys ({@link #key(Object)}) whose {@code equals}, {@code hashCode} and {@code
 * compareTo} carry the SOQL semantics: case-insensitive text, ids equal across 15/18-character
 * forms, numbers by value, dates chronologically.
 */
enum ValueKind {
  ID("id", false, true),
  TEXT("string", true, true),
  NUMBER("double", false, true),
  BOOLEAN("boolean", false, false),
  DATE("date", false, true),
  DATETIME("dateTime", false, true);

  private final String defaultTypeName;
  private final boolean supportsLike;
  private final boolean supportsOrdering;

  ValueKind(String defaultTypeName, boolean supportsLike, boolean supportsOrdering) {
    this.defaultTypeName = defaultTypeName;
    this.supportsLike = supportsLike;
    this.supportsOrdering = supportsOrdering;
  }

  /** The kind for a describe type; types this emulator does not model specially compare as text. */
  public static ValueKind of(String describeType) {
    String type = describeType == null ? "" : describeType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "id", "reference" -> ID;
      case "boolean" -> BOOLEAN;
      case "int", "long", "double", "currency", "percent" -> NUMBER;
      case "date" -> DATE;
      case "datetime" -> DATETIME;
      default -> TEXT;
    };
  }

  /**
   * The type name Salesforce uses in filter error messages, e.g. {@code integer}, {@code dateTime}.
   */
  public static String messageTypeName(String describeType) {
    String type = describeType == null ? "" : describeType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "int" -> "integer";
      case "long", "currency", "percent", "double" -> type;
      default -> of(type).defaultTypeName;
    };
  }

  public boolean supportsLike() {
    return supportsLike;
  }

  /** Whether {@code < <= > >=} apply. */
  public boolean supportsOrdering() {
    return supportsOrdering;
  }

  /**
   * The comparison key of a stored value, or null for null, empty text and values of an unreadable
   * shape.
   */
  public Comparable<?> key(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case ID -> {
        String text = textOf(value);
        yield text == null ? null : SalesforceIds.normalize(text).orElse(text);
      }
      case TEXT -> {
        String text = textOf(value);
        yield text == null ? null : TextFold.fold(text);
      }
      case NUMBER -> numberOf(value);
      case BOOLEAN -> booleanOf(value);
      case DATE -> dateOf(value);
      case DATETIME -> dateTimeOf(value);
    };
  }

  /** Salesforce stores empty text as null, so empty text compares as null. */
  private static String textOf(Object value) {
    String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    return text.isEmpty() ? null : text;
  }

  /**
   * Numbers compare by value; stripping trailing zeros makes {@code 1.0} and {@code 1} equal keys.
   */
  static BigDecimal numberOf(Object value) {
    try {
      BigDecimal number =
          value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString().trim());
      return number.stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean booleanOf(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  private static LocalDate dateOf(Object value) {
    String text = value.toString().trim();
    LocalDate date = TemporalValues.parseDate(text);
    if (date != null) {
      return date;
    }
    Instant instant = TemporalValues.parseDateTime(text);
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant dateTimeOf(Object value) {
    String text = value.toString().trim();
    Instant instant = TemporalValues.parseDateTime(text);
    if (instant != null) {
      return instant;
    }
    LocalDate date = TemporalValues.parseDate(text);
    return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
