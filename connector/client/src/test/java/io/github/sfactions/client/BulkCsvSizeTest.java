package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkCsvSizeTest {

  @Test
  void theSizeIsExactlyWhatTheWriterWritesForRowsWithDifferentColumnsAndAnyText() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("LastName", "Ada", "Company", "Acme, Inc."));
    rows.add(row("LastName", " spaced ", "City", "Zürich", "NumberOfEmployees", 12));
    rows.add(row("company", "\"Quoted\"", "Description", "line\nbreak 日本 😀"));
    rows.add(row("Email", null, "LastName", ""));
    BulkCsvSize size = new BulkCsvSize();
    for (Map<String, Object> r : rows) {
      long cells = 0;
      for (Map.Entry<String, Object> e : r.entrySet()) {
        cells += BulkCsvSize.utf8Length(BulkCsvWriter.cell(e.getKey(), e.getValue()));
      }
      long predicted = size.sizeWith(r.keySet(), cells);
      size.add(r.keySet(), cells);
      assertThat(size.size()).isEqualTo(predicted);
    }
    String csv = BulkCsvWriter.toCsv(size.columns(), rows);
    assertThat(size.size()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
    assertThat(size.columns())
        .containsExactly(
            "LastName", "Company", "City", "NumberOfEmployees", "Description", "Email");
    assertThat(size.rows()).isEqualTo(4);
  }

  @Test
  void utf8LengthCountsLikeTheEncoderIncludingSurrogatePairsAndLoneSurrogates() {
    for (String text : List.of("", "abc", "é", "日本", "😀x", "a\uD800b", "\uDC00")) {
      assertThat(BulkCsvSize.utf8Length(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
