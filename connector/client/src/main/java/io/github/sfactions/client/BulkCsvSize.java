package io.github.sfactions.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exact UTF-8 size of the CSV {@link BulkCsvWriter} writes, kept as rows are added, without
 * writing it. The header holds every column once (first spelling, first appearance,
 * case-insensitive); every line has one comma between cells and ends in LF, and a row has an empty
 * cell for each column it lacks. So a new column adds its name and a comma to the header and one
 * comma to every row already counted.
 */
public final class BulkCsvSize {

  private final Map<String, String> columns = new LinkedHashMap<>();
  private long nameBytes;
  private long cellBytes;
  private long rows;

  /** Size with one more row that has these columns and {@code rowCellBytes} bytes of cells. */
  public long sizeWith(Collection<String> rowColumns, long rowCellBytes) {
    long names = nameBytes;
    int count = columns.size();
    for (String column : rowColumns) {
      if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
        count++;
        names += utf8Length(column);
      }
    }
    return size(names, count, rows + 1, cellBytes + rowCellBytes);
  }

  /** Counts one more row. */
  public void add(Collection<String> rowColumns, long rowCellBytes) {
    add(rowColumns, rowCellBytes, 1);
  }

  /** Counts {@code rowCount} rows that all have these columns and together {@code cells} bytes. */
  public void add(Collection<String> rowColumns, long cells, long rowCount) {
    for (String column : rowColumns) {
      if (columns.putIfAbsent(column.toLowerCase(Locale.ROOT), column) == null) {
        nameBytes += utf8Length(column);
      }
    }
    cellBytes += cells;
    rows += rowCount;
  }

  /** The CSV's size in bytes, header included. */
  public long size() {
    return size(nameBytes, columns.size(), rows, cellBytes);
  }

  /** Rows counted. */
  public long rows() {
    return rows;
  }

  /** The header's columns, in order. */
  public List<String> columns() {
    return new ArrayList<>(columns.values());
  }

  /** Bytes of a text in UTF-8, without encoding it. */
  public static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        // a lone surrogate is written as '?' by the encoder (1 byte); every other char takes 3
        bytes += Character.isSurrogate(c) ? 1 : 3;
      }
    }
    return bytes;
  }

  private static long size(long names, int columnCount, long rows, long cells) {
    long separatorsPerLine = Math.max(0, columnCount - 1) + 1L;
    return names + cells + (rows + 1) * separatorsPerLine;
  }
}
