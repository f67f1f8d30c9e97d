package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.client.BulkCsvSize;
import io.github.sfactions.client.BulkCsvWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A record as the queue stores it, rendered once when it is queued: its column names, its cells as
 * the CSV holds them (quoted where needed, joined by commas), their size and the key its result row
 * is matched by. A batch whose header has exactly these columns writes {@code line} as it is; any
 * other batch places the cells under its own header ({@link #cellsIn}).
 *
 * @param columns the column names, joined by commas (field API names hold no comma)
 * @param line the written cells in column order, joined by commas, without the line end
 * @param cellBytes UTF-8 bytes of the written cells (commas and line end not counted)
 * @param matchKey the {@link MatchKey} of the cells Salesforce echoes
 */
public record RowCells(String columns, String line, long cellBytes, String matchKey) {

  /**
   * Renders a record's row.
   *
   * @throws IllegalArgumentException for an invalid column name, a column given twice
   *     (case-insensitively) or a value the CSV cannot hold
   */
  public static RowCells of(Map<String, Object> row) {
    StringBuilder columns = new StringBuilder();
    StringBuilder line = new StringBuilder();
    TreeMap<String, String> echoes = new TreeMap<>();
    long bytes = 0;
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      String name = BulkCsvWriter.requireColumn(e.getKey());
      String lower = name.toLowerCase(Locale.ROOT);
      if (!seen.add(lower)) {
        throw new IllegalArgumentException(
            "A bulk record holds field " + name + " twice (names differing only in case)");
      }
      String text = BulkCsvWriter.text(name, e.getValue());
      String cell = BulkCsvWriter.quoteIfNeeded(text);
      if (columns.length() > 0) {
        columns.append(',');
        line.append(',');
      }
      columns.append(name);
      line.append(cell);
      bytes += BulkCsvSize.utf8Length(cell);
      if (!text.isEmpty()) {
        echoes.put(lower, text);
      }
    }
    return new RowCells(columns.toString(), line.toString(), bytes, MatchKey.of(echoes));
  }

  /** The column names as a list. */
  public List<String> columnList() {
    return columnList(columns);
  }

  /** Column names stored as {@link #columns}, as a list. */
  static List<String> columnList(String columns) {
    return columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",", -1));
  }

  /**
   * The stored cells placed under a batch's header: each in the position of its column, empty cells
   * for the header's other columns.
   *
   * @param header the batch's columns, lower case, each with its position
   */
  static String cellsIn(String columns, String line, Map<String, Integer> header) {
    List<String> own = columnList(columns);
    List<String> cells = split(line, own.size());
    String[] placed = new String[header.size()];
    for (int i = 0; i < own.size(); i++) {
      Integer position = header.get(own.get(i).toLowerCase(Locale.ROOT));
      if (position == null) {
        throw new IllegalStateException(
            "Bulk queue row column " + own.get(i) + " is missing from its batch's header");
      }
      placed[position] = cells.get(i);
    }
    StringBuilder sb = new StringBuilder(line.length() + header.size());
    for (int i = 0; i < placed.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (placed[i] != null) {
        sb.append(placed[i]);
      }
    }
    return sb.toString();
  }

  /** The stored cells as text (unquoted), by column name, in column order. */
  static Map<String, String> texts(String columns, String line) {
    List<String> names = columnList(columns);
    List<String> cells = split(line, names.size());
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String cell = cells.get(i);
      boolean quoted = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"");
      texts.put(
          names.get(i), quoted ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell);
    }
    return texts;
  }

  /** Splits a line of written cells at the commas outside quotes. */
  static List<String> split(String line, int expected) {
    List<String> cells = new ArrayList<>(expected);
    if (expected == 0) {
      return cells;
    }
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(line.substring(start, i));
        start = i + 1;
      }
    }
    cells.add(line.substring(start));
    if (cells.size() != expected) {
      throw new IllegalStateException(
          "Corrupt bulk queue row: " + cells.size() + " cells for " + expected + " columns");
    }
    return cells;
  }
}
