package io.github.sfactions.bpmn.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkCsvWriter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** A queued record is rendered once, and every later use of it agrees with the CSV writer. */
class RowCellsTest {

  private static final List<String> HEADER =
      List.of("LastName", "Company", "Description", "NumberOfEmployees", "Email");

  @Test
  void storedCellsPlacedUnderABatchHeaderAreExactlyTheWritersRow() {
    for (Map<String, Object> record : records()) {
      RowCells row = RowCells.of(record);
      assertThat(RowCells.cellsIn(row.columns(), row.line(), header()) + "\n")
          .isEqualTo(BulkCsvWriter.row(HEADER, record));
      assertThat(row.cellBytes())
          .isEqualTo(
              record.entrySet().stream()
                  .mapToLong(e -> BulkCsvWriter.cell(e.getKey(), e.getValue()).getBytes().length)
                  .sum());
    }
  }

  @Test
  void theMatchKeyOfARecordIsTheKeyOfTheRowSalesforceEchoesForIt() throws Exception {
    List<Map<String, Object>> records = records();
    String csv = BulkCsvWriter.toCsv(HEADER, records);
    List<CSVRecord> echoed;
    try (CSVParser parser =
        CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().get())) {
      echoed = parser.getRecords();
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String key = RowCells.of(records.get(i)).matchKey();
      assertThat(MatchKey.ofResult(echoed.get(i).toMap())).isEqualTo(key);
      keys.add(key);
    }
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void storedCellsReadBackAsTheirTextWithNullAsNotApplicable() {
    Map<String, Object> record = records().get(1);
    RowCells row = RowCells.of(record);
    assertThat(RowCells.texts(row.columns(), row.line()))
        .containsExactly(
            Map.entry("Company", "He said \"hi\", then left"),
            Map.entry("LastName", " padded "),
            Map.entry("Email", "#N/A"));
  }

  @Test
  void aFieldGivenTwiceInDifferentCaseOrAValueTheCsvCannotHoldIsRefused() {
    Map<String, Object> twice = new LinkedHashMap<>();
    twice.put("LastName", "a");
    twice.put("lastname", "b");
    assertThatThrownBy(() -> RowCells.of(twice)).hasMessageContaining("twice");
    assertThatThrownBy(() -> RowCells.of(Map.of("NumberOfEmployees", Double.NaN)))
        .hasMessageContaining("not a finite number");
  }

  @Test
  void claimKeysHandOutEachRecordOnceAlsoWhenRecordsAreIdentical() {
    ClaimKeys keys = new ClaimKeys(3);
    String same = RowCells.of(Map.of("LastName", "Twin")).matchKey();
    keys.add(1, same);
    keys.add(2, same);
    keys.add(3, RowCells.of(Map.of("LastName", "Other")).matchKey());
    assertThat(keys.take(same)).hasValue(1);
    assertThat(keys.take(same)).hasValue(2);
    assertThat(keys.take(same)).isEmpty();
    assertThat(keys.take(RowCells.of(Map.of("LastName", "Other")).matchKey())).hasValue(3);
  }

  private static Map<String, Integer> header() {
    Map<String, Integer> header = new HashMap<>();
    for (int i = 0; i < HEADER.size(); i++) {
      header.put(HEADER.get(i).toLowerCase(Locale.ROOT), i);
    }
    return header;
  }

  private static List<Map<String, Object>> records() {
    List<Map<String, Object>> records = new ArrayList<>();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("LastName", "Lovelace");
    a.put("Company", "Acme, Inc.");
    a.put("NumberOfEmployees", 1e21);
    records.add(a);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("Company", "He said \"hi\", then left");
    b.put("LastName", " padded ");
    b.put("Email", null);
    records.add(b);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("description", "two\nlines, 日本 😀");
    c.put("LastName", "");
    c.put("NumberOfEmployees", 3);
    records.add(c);
    return records;
  }
}
