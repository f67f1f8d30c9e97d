package io.github.sfactions.client;

import io.github.sfactions.client.impl.ApiNames;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds SOQL text safely: API names are validated (deviation 2), string literals are escaped
 * completely (deviation 1: {@code \} first, then {@code '}, and {@code \n \r \t \b \f \"}), numbers
 * are written unquoted in JavaScript's formatting ({@code 2}, {@code 3.5}, never {@code 2.0}),
 * booleans as {@code true}/{@code false}.
 */
public final class Soql {

  /** How several conditions are joined. */
  public enum Junction {
    AND,
    OR
  }

  private static final String UNSUPPORTED_TYPE_MESSAGE =
      "Unsupported datatype for record matcher traits - object";

  private Soql() {}

  /**
   * Validates a field API name: a letter, then letters, digits and single underscores, optionally
   * followed by {@code __} segments such as a namespace or a {@code __c}/{@code __r} suffix.
   *
   * @return the name unchanged
   * @throws SoqlBuildException with code {@link SoqlBuildException#INVALID_FIELD_NAME}
   */
  public static String field(String name) {
    if (!ApiNames.isApiName(name)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_FIELD_NAME,
          "Invalid field name '"
              + name
              + "': a Salesforce field API name starts with a letter, has only letters, digits and single"
              + " underscores, and may end in a suffix such as __c or __r");
    }
    return name;
  }

  /**
   * Validates an object API name (same syntax as fields).
   *
   * @throws SoqlBuildException with code {@link SoqlBuildException#INVALID_OBJECT_NAME}
   */
  public static String sobject(String name) {
    if (!ApiNames.isApiName(name)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_OBJECT_NAME,
          "Invalid object name '"
              + name
              + "': a Salesforce object API name starts with a letter, has only letters, digits and single"
              + " underscores, and may end in a suffix such as __c");
    }
    return name;
  }

  /**
   * Writes a value as a SOQL literal: a quoted, escaped string; an unquoted number or boolean.
   *
   * @throws SoqlBuildException {@code Unsupported datatype for record matcher traits - object}
   *     (code {@link SoqlBuildException#UNSUPPORTED_TYPE}) for null, maps, collections, arrays and
   *     any other type
   */
  public static String literal(Object value) {
    if (value instanceof CharSequence || value instanceof Character) {
      return quote(value.toString());
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Number n) {
      if (!JsNumbers.isFinite(n)) {
        throw new SoqlBuildException(
            SoqlBuildException.INVALID_NUMBER, "Invalid number for a SOQL literal: " + n);
      }
      return JsNumbers.format(n);
    }
    throw new SoqlBuildException(SoqlBuildException.UNSUPPORTED_TYPE, UNSUPPORTED_TYPE_MESSAGE);
  }

  /** A quoted string literal with {@code \ ' " \n \r \t \b \f} escaped. */
  public static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** {@code <field> = <literal>}, validating the field and the value. */
  public static String condition(String field, Object value) {
    return field(field) + " = " + literal(value);
  }

  /**
   * {@code SELECT <fields> FROM <sobject> WHERE <c1> <junction> <c2> ...}: one equality condition
   * per matcher in the map's iteration order, single spaces, no parentheses, no LIMIT (the
   * reference's record-matcher query). Errors are raised for the first invalid entry, before
   * anything is sent.
   */
  public static String selectWhere(
      List<String> selectFields, String sobject, Map<String, ?> matchers, Junction junction) {
    if (selectFields == null || selectFields.isEmpty()) {
      throw new IllegalArgumentException("At least one field to select is required");
    }
    if (matchers == null || matchers.isEmpty()) {
      throw new IllegalArgumentException("At least one record matcher is required");
    }
    StringJoiner select = new StringJoiner(", ");
    selectFields.forEach(f -> select.add(field(f)));
    StringJoiner where = new StringJoiner(" " + junction.name() + " ");
    matchers.forEach((name, value) -> where.add(condition(name, value)));
    return "SELECT " + select + " FROM " + sobject(sobject) + " WHERE " + where;
  }

  /** {@code SELECT Id FROM <sobject> WHERE ...}; see {@link #selectWhere}. */
  public static String selectIdWhere(String sobject, Map<String, ?> matchers, Junction junction) {
    return selectWhere(List.of("Id"), sobject, matchers, junction);
  }

  /** {@code field IN (lit1, lit2, ...)}. */
  public static String in(String field, Collection<?> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    StringJoiner list = new StringJoiner(", ", "(", ")");
    values.forEach(v -> list.add(literal(v)));
    return field(field) + " IN " + list;
  }

  /**
   * Percent-encodes like JavaScript's {@code encodeURIComponent}: {@code A-Za-z0-9-_.!~*'()} stay,
   * space becomes {@code %20}, everything else is UTF-8 percent-encoded. Used for the {@code q}
   * parameter of a query (OkHttp then also writes {@code '} as {@code %27}, which Salesforce
   * decodes identically).
   */
  public static String encodeURIComponent(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length * 3 / 2);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-_.!~*'()".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }
}
