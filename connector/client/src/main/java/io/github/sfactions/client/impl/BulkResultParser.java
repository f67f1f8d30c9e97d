package io.github.sfactions.client.impl;

import io.github.sfactions.client.BulkRecordResult;
import io.github.sfactions.client.BulkRecordResult.Outcome;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the result CSVs of a bulk job: {@code sf__Id,sf__Created,...} (successful), {@code
 * sf__Id,sf__Error,...} (failed) and the original columns (unprocessed). Streams the rows, into a
 * list or one by one to a consumer.
 */
public final class BulkResultParser {

  static final String SF_ID = "sf__Id";
  static final String SF_CREATED = "sf__Created";
  static final String SF_ERROR = "sf__Error";
  private static final String SF_PREFIX = "sf__";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setAllowMissingColumnNames(true)
          .get();

  private BulkResultParser() {}

  /** Every row of a results CSV, parsed. */
  public static List<BulkRecordResult> parse(Reader csv, Outcome outcome) throws IOException {
    List<BulkRecordResult> results = new ArrayList<>();
    parse(csv, outcome, results::add);
    return results;
  }

  /**
   * Hands each row of a results CSV to {@code each} as soon as it is read, so a results file of any
   * size is never held whole.
   */
  public static void parse(Reader csv, Outcome outcome, Consumer<BulkRecordResult> each)
      throws IOException {
    try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord rec : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        String id = null;
        boolean created = false;
        String error = null;
        for (int i = 0; i < header.size() && i < rec.size(); i++) {
          String name = header.get(i);
          String value = rec.get(i);
          if (SF_ID.equalsIgnoreCase(name)) {
            id = value.isEmpty() ? null : value;
          } else if (SF_CREATED.equalsIgnoreCase(name)) {
            created = Boolean.parseBoolean(value);
          } else if (SF_ERROR.equalsIgnoreCase(name)) {
            error = value;
          } else if (!name.startsWith(SF_PREFIX)) {
            row.put(name, value);
          }
        }
        if (outcome == Outcome.FAILED) {
          ParsedError e = parseError(error);
          each.accept(
              new BulkRecordResult(outcome, id, false, e.code(), e.message(), e.fields(), row));
        } else {
          each.accept(new BulkRecordResult(outcome, id, created, null, null, List.of(), row));
        }
      }
    }
  }

  /** Parts of an {@code sf__Error} cell. */
  record ParsedError(String code, String message, List<String> fields) {}

  /**
   * {@code CODE:message:fields --}, e.g. {@code REQUIRED_FIELD_MISSING:Required fields are missing:
   * [Name]:Name --} or {@code UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this
   * record:--}. The message may itself contain colons, so the code is cut at the first colon and
   * the fields at the last one.
   */
  static ParsedError parseError(String error) {
    if (error == null || error.isBlank()) {
      return new ParsedError(null, null, List.of());
    }
    String text = error.strip();
    if (text.endsWith("--")) {
      text = text.substring(0, text.length() - 2).stripTrailing();
    }
    int first = text.indexOf(':');
    if (first < 0) {
      return new ParsedError(null, text, List.of());
    }
    String code = text.substring(0, first);
    String rest = text.substring(first + 1);
    int last = rest.lastIndexOf(':');
    if (last < 0) {
      return new ParsedError(code, rest, List.of());
    }
    String message = rest.substring(0, last);
    String fieldsPart = rest.substring(last + 1).strip();
    List<String> fields =
        fieldsPart.isEmpty()
            ? List.of()
            : Arrays.stream(fieldsPart.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    return new ParsedError(code, message, fields);
  }
}
