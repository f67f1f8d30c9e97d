package io.github.sfactions.client;

import io.github.sfactions.client.impl.ApiNames;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes records as Bulk API 2.0 CSV (comma, LF, UTF-8, RFC 4180 quoting) with deviation 3: a field
 * a record does not have becomes an <em>empty cell</em> (Salesforce leaves the field unchanged);
 * only an explicit {@code null} becomes {@value #NULL_VALUE} (Salesforce sets the field to null).
 * Column names are unique case-insensitively, so the header never holds a column twice.
 */
public final class BulkCsvWriter {

  /** The cell value that sets a field to null. */
  public static final String NULL_VALUE = "#N/A";

  static final char LF = '\n';

  private BulkCsvWriter() {}

  /**
   * The columns of these records in order of first appearance; names differing only in case share
   * the first spelling's column. Each name must be a field API name or a relationship path ({@code
   * Account.Ext__c}).
   */
  public static List<String> columnsOf(Collection<? extends Map<String, ?>> records) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    for (Map<String, ?> record : records) {
      for (String name : record.keySet()) {
        byLowerCase.putIfAbsent(requireColumn(name).toLowerCase(Locale.ROOT), name);
      }
    }
    return List.copyOf(byLowerCase.values());
  }

  /** Validates a column name. */
  public static String requireColumn(String name) {
    if (!ApiNames.isFieldPath(name)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_FIELD_NAME,
          "Invalid bulk CSV column '"
              + name
              + "': expected a field API name such as LastName, Ext__c or Account.Ext__c");
    }
    return name;
  }

  /** Writes the header row and one row per record. */
  public static void write(
      List<String> columns, Collection<? extends Map<String, ?>> records, Writer out)
      throws IOException {
    List<String> checked = uniqueColumns(columns);
    out.write(header(checked));
    for (Map<String, ?> record : records) {
      out.write(row(checked, record));
    }
  }

  /**
   * The CSV text (small batches and tests; large batches should stream through {@link #content}).
   */
  public static String toCsv(List<String> columns, Collection<? extends Map<String, ?>> records) {
    StringWriter w = new StringWriter();
    try {
      write(columns, records, w);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return w.toString();
  }

  /** CSV content that is written on demand, straight into the upload request. */
  public static CsvContent content(
      List<String> columns, Collection<? extends Map<String, ?>> records) {
    List<String> checked = uniqueColumns(columns);
    return out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      write(checked, records, w);
      w.flush();
    };
  }

  /** The header line, ending in LF. */
  public static String header(List<String> columns) {
    return String.join(",", columns) + LF;
  }

  /** One data line, ending in LF. */
  public static String row(List<String> columns, Map<String, ?> record) {
    Map<String, Object> byLowerCase = lowerCaseKeys(record);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String key = columns.get(i).toLowerCase(Locale.ROOT);
      if (byLowerCase.containsKey(key)) {
        sb.append(cell(columns.get(i), byLowerCase.get(key)));
      }
    }
    return sb.append(LF).toString();
  }

  /**
   * One cell: {@value #NULL_VALUE} for null; numbers in JavaScript formatting; booleans {@code
   * true}/{@code false}; text quoted when it holds a comma, quote, CR or LF or starts/ends with
   * white space (quotes doubled); an empty string as {@code ""}.
   */
  public static String cell(String column, Object value) {
    return quoteIfNeeded(text(column, value));
  }

  /**
   * A cell's text before quoting, which is also what Salesforce echoes for it in the result files:
   * {@value #NULL_VALUE} for null, numbers in JavaScript formatting, booleans {@code true}/{@code
   * false}, text as it is. {@link #quoteIfNeeded} turns it into the written cell.
   *
   * @throws IllegalArgumentException for a value the CSV cannot hold (not finite, unsupported type)
   */
  public static String text(String column, Object value) {
    if (value == null) {
      return NULL_VALUE;
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Number n) {
      if (!JsNumbers.isFinite(n)) {
        throw new IllegalArgumentException(
            "Bulk CSV column " + column + ": not a finite number: " + n);
      }
      return JsNumbers.format(n);
    }
    if (value instanceof CharSequence
        || value instanceof Character
        || value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof OffsetDateTime
        || value instanceof Instant) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "Bulk CSV column "
            + column
            + ": unsupported value type "
            + value.getClass().getSimpleName()
            + " (use text, numbers, booleans or null)");
  }

  /**
   * The written form of a cell's text: quoted when it holds a comma, quote, CR or LF or starts or
   * ends with white space (quotes doubled), {@code ""} when empty, else as it is.
   */
  public static String quoteIfNeeded(String text) {
    if (text.isEmpty()) {
      return "\"\"";
    }
    boolean needsQuotes =
        Character.isWhitespace(text.charAt(0))
            || Character.isWhitespace(text.charAt(text.length() - 1));
    for (int i = 0; i < text.length() && !needsQuotes; i++) {
      char c = text.charAt(i);
      needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static List<String> uniqueColumns(List<String> columns) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String c : columns) {
      if (seen.putIfAbsent(requireColumn(c).toLowerCase(Locale.ROOT), c) != null) {
        throw new IllegalArgumentException("Bulk CSV column '" + c + "' is given twice");
      }
    }
    return new ArrayList<>(seen.values());
  }

  static Map<String, Object> lowerCaseKeys(Map<String, ?> record) {
    Map<String, Object> byLowerCase = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : record.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (byLowerCase.containsKey(key)) {
        throw new IllegalArgumentException(
            "A bulk record holds field " + e.getKey() + " twice (names differing only in case)");
      }
      byLowerCase.put(key, e.getValue());
    }
    return byLowerCase;
  }
}
