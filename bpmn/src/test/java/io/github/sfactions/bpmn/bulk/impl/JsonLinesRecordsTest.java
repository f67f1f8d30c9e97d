package io.github.sfactions.bpmn.bulk.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON lines are read one bounded line at a time: a line over the limit is refused, naming the
 * limit, and the lines after it are read as usual; blank lines are skipped but counted, CRLF and a
 * last line without a line end are fine.
 */
class JsonLinesRecordsTest {

  @Test
  void aLineOverTheLimitIsRefusedWithItsSizeAndReadingGoesOn() {
    String text =
        "{\"A\":\"1\"}\r\n"
            + "\n"
            + "{\"A\":\""
            + "x".repeat(100)
            + "\"}\n"
            + "{\"A\":\"3\"}"; // no line end
    JsonLinesRecords records = records(text, 40);

    List<String> seen = new ArrayList<>();
    while (records.next()) {
      try {
        seen.add(records.number() + " " + records.record());
      } catch (IllegalArgumentException e) {
        seen.add(records.number() + " refused: " + e.getMessage());
      }
    }

    assertThat(seen)
        .containsExactly(
            "1 {A=1}", "3 refused: longer than 40 bytes, the most a line may have", "4 {A=3}");
  }

  @Test
  void aLineOfExactlyTheLimitIsRead() {
    String line = "{\"A\":\"" + "y".repeat(32) + "\"}"; // 40 bytes
    JsonLinesRecords records = records(line + "\r\n" + line + "x\n", 40);

    assertThat(records.next()).isTrue();
    assertThat(records.record()).isEqualTo(Map.of("A", "y".repeat(32)));
    assertThat(records.next()).isTrue();
    assertThatThrownBy(records::record)
        .hasMessage("longer than 40 bytes, the most a line may have");
    assertThat(records.next()).isFalse();
  }

  @Test
  void malformedAndNestedLinesAreRefusedWithTheReason() {
    JsonLinesRecords records = records("{\"A\": \n{\"A\":{\"B\":1}}\n[1]\n", 1000);

    assertThat(records.next()).isTrue();
    assertThatThrownBy(records::record).hasMessageStartingWith("malformed JSON");
    assertThat(records.next()).isTrue();
    assertThatThrownBy(records::record).hasMessage("field A holds an object or array, not a value");
    assertThat(records.next()).isTrue();
    assertThatThrownBy(records::record).hasMessage("not a JSON object");
  }

  private static JsonLinesRecords records(String text, int max) {
    return new JsonLinesRecords(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }
}
