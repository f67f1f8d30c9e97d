package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.client.BulkCsvWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's CSV cells as plain text: what the CSV holds once unquoted, which is also what
 * Salesforce echoes in its result files. Writing this text back through {@link BulkCsvWriter} gives
 * the very same cells (numbers and booleans never need quotes; text is quoted again exactly where
 * it was), so the queue can keep records as text.
 */
public final class CellText {

  private CellText() {}

  /**
   * The text of every field; an explicit null stays null (the writer turns it into {@code #N/A}).
   *
   * @throws IllegalArgumentException for a value the CSV writer cannot write
   */
  public static Map<String, String> of(Map<String, Object> row) {
    Map<String, String> text = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      text.put(
          e.getKey(),
          e.getValue() == null ? null : unquote(BulkCsvWriter.cell(e.getKey(), e.getValue())));
    }
    return text;
  }

  /**
   * The cell Salesforce echoes for this column of a row in a batch: the text, {@code #N/A} for an
   * explicit null, or empty when the record does not have the column.
   */
  public static String echo(Map<String, String> row, String column) {
    if (!row.containsKey(column)) {
      return "";
    }
    String value = row.get(column);
    return value == null ? BulkCsvWriter.NULL_VALUE : value;
  }

  static String unquote(String cell) {
    if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
      return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
    return cell;
  }
}
