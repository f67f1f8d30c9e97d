package io.github.sfactions.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One slice of records for one bulk job, as cut by {@link BulkBatchSplitter}.
 *
 * @param columns the CSV columns of this batch (first appearance order)
 * @param records the records, same objects and order as given to the splitter
 * @param csvBytes exact UTF-8 size of the CSV this batch writes
 * @param <M> the record type
 */
public record BulkBatch<M extends Map<String, ?>>(
    List<String> columns, List<M> records, long csvBytes) {

  public BulkBatch {
    columns = List.copyOf(columns);
    records = List.copyOf(records);
  }

  /** The CSV, written on demand into the upload request. */
  public CsvContent csv() {
    CsvContent writer = BulkCsvWriter.content(columns, records);
    long length = csvBytes;
    return new CsvContent() {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        writer.writeTo(out);
      }

      @Override
      public long contentLength() {
        return length;
      }
    };
  }
}
