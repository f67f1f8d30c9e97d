package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class BulkCsvWriterTest {

  private static Map<String, Object> rec(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void missingFieldIsAnEmptyCellAndExplicitNullIsNa() {
    List<Map<String, Object>> records =
        List.of(rec("LastName", "Doe", "Email", "d@x.com"), rec("LastName", "Roe", "Phone", null));
    List<String> columns = BulkCsvWriter.columnsOf(records);
    assertThat(columns).containsExactly("LastName", "Email", "Phone");
    assertThat(BulkCsvWriter.toCsv(columns, records))
        .isEqualTo("LastName,Email,Phone\nDoe,d@x.com,\nRoe,,#N/A\n");
  }

  @Test
  void headerNeverDuplicatesAColumnDifferingOnlyInCase() {
    List<Map<String, Object>> records = List.of(rec("Name", "A"), rec("name", "B", "Ext__c", "E2"));
    List<String> columns = BulkCsvWriter.columnsOf(records);
    assertThat(columns).containsExactly("Name", "Ext__c");
    assertThat(BulkCsvWriter.toCsv(columns, records)).isEqualTo("Name,Ext__c\nA,\nB,E2\n");
    assertThatThrownBy(() -> BulkCsvWriter.toCsv(List.of("Name", "NAME"), records))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> BulkCsvWriter.toCsv(columns, List.of(rec("Name", "a", "NAME", "b"))))
        .hasMessageContaining("twice");
  }

  @Test
  void quotesPerRfc4180() {
    List<Map<String, Object>> records =
        List.of(
            rec(
                "Description",
                "a,b",
                "Title",
                "say \"hi\"",
                "Street",
                "l1\nl2",
                "City",
                "",
                "State",
                " padded",
                "Country",
                "plain"));
    String csv = BulkCsvWriter.toCsv(BulkCsvWriter.columnsOf(records), records);
    assertThat(csv)
        .isEqualTo(
            "Description,Title,Street,City,State,Country\n"
                + "\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",\"\",\" padded\",plain\n");
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      CSVRecord row = parser.getRecords().get(0);
      assertThat(row.get("Title")).isEqualTo("say \"hi\"");
      assertThat(row.get("Street")).isEqualTo("l1\nl2");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void writesNumbersAndBooleansLikeJavaScript() {
    List<Map<String, Object>> records =
        List.of(
            rec(
                "NumberOfEmployees",
                2,
                "Amount",
                2.0,
                "Rate",
                3.5,
                "Big",
                new BigDecimal("10.50"),
                "Active__c",
                true));
    assertThat(BulkCsvWriter.toCsv(BulkCsvWriter.columnsOf(records), records))
        .endsWith("\n2,2,3.5,10.5,true\n");
  }

  @Test
  void rejectsInvalidColumnsAndUnsupportedValues() {
    assertThatThrownBy(() -> BulkCsvWriter.columnsOf(List.of(rec("Bad,Name", "x"))))
        .isInstanceOf(SoqlBuildException.class)
        .hasMessageContaining("Invalid bulk CSV column 'Bad,Name'");
    assertThat(BulkCsvWriter.columnsOf(List.of(rec("Account.Ext__c", "x"))))
        .containsExactly("Account.Ext__c");
    assertThatThrownBy(() -> BulkCsvWriter.cell("Tags__c", List.of("a")))
        .hasMessageContaining("unsupported value type");
    assertThatThrownBy(() -> BulkCsvWriter.cell("Amount", Double.POSITIVE_INFINITY))
        .hasMessageContaining("Amount");
  }

  @Test
  void contentStreamsTheSameBytesEachTime() throws Exception {
    Map<String, Object> r = new HashMap<>();
    r.put("LastName", "Zoë");
    CsvContent content = BulkCsvWriter.content(List.of("LastName"), List.of(r));
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      content.writeTo(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("LastName\nZoë\n");
    }
  }
}
