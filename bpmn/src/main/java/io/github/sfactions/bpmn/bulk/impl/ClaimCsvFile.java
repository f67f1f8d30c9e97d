package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.client.BulkCsvSize;
import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.CsvContent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A claimed batch's CSV in a temporary file, written from the queue rows a page at a time: the
 * header of the claim's layout, then each row's stored cells (placed under the header when its
 * columns differ). Memory holds one page of rows, whatever the batch's size; the upload streams the
 * file and may replay it. Delete it with {@link #close()}.
 */
final class ClaimCsvFile implements AutoCloseable {

  private final Path file;
  private final long bytes;

  private ClaimCsvFile(Path file, long bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /**
   * Writes the claim's CSV.
   *
   * @throws IllegalStateException when the written size differs from the layout's exact size
   */
  static ClaimCsvFile write(BulkEntryStore store, Connection c, String claimId) {
    BulkCsvSize layout = store.layout(c, claimId);
    List<String> columns = layout.columns();
    String joined = String.join(",", columns);
    Map<String, Integer> header = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      header.put(columns.get(i).toLowerCase(Locale.ROOT), i);
    }
    Path file = null;
    try {
      file = Files.createTempFile("sfactions-bulk-", ".csv");
      try (Writer out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
              1 << 16)) {
        out.write(BulkCsvWriter.header(columns));
        store.claimedRows(
            c,
            claimId,
            (rowColumns, line) -> {
              out.write(
                  rowColumns.equals(joined) ? line : RowCells.cellsIn(rowColumns, line, header));
              out.write('\n');
            });
      }
      long written = Files.size(file);
      if (written != layout.size()) {
        throw new IllegalStateException(
            "The bulk CSV of claim "
                + claimId
                + " has "
                + written
                + " bytes, its layout "
                + layout.size());
      }
      return new ClaimCsvFile(file, written);
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("Could not write the bulk CSV: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  /** The CSV to upload. */
  CsvContent content() {
    return CsvContent.of(file);
  }

  long bytes() {
    return bytes;
  }

  @Override
  public void close() {
    delete(file);
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
