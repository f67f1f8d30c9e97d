package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.client.BoundedLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records from a JSON-lines stream (UTF-8): one flat JSON object per line (field API name to text,
 * number, boolean or null); blank lines are skipped. Read one line at a time, and a line keeps at
 * most {@code maxLineBytes} bytes in memory: a longer one is read to its end, not kept, and refused
 * as a record, so neither a long line nor a long stream can exhaust memory.
 */
public final class JsonLinesRecords implements BackfillLoader.Records {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BoundedLines lines;
  private final int maxLineBytes;

  /** Records of this stream (not closed here), lines of any length. */
  public JsonLinesRecords(InputStream in) {
    this(in, Integer.MAX_VALUE - 16);
  }

  /**
   * Records of this stream (not closed here); a line longer than {@code maxLineBytes} is refused.
   */
  public JsonLinesRecords(InputStream in, int maxLineBytes) {
    this.lines = new BoundedLines(in, maxLineBytes);
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public boolean next() {
    try {
      while (lines.next()) {
        if (!lines.blank()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the back-fill: " + e.getMessage(), e);
    }
  }

  @Override
  public long number() {
    return lines.number();
  }

  @Override
  public Map<String, Object> record() {
    if (lines.tooLong()) {
      throw new IllegalArgumentException(
          "longer than " + maxLineBytes + " bytes, the most a line may have");
    }
    JsonNode node;
    try {
      node = JSON.readTree(lines.bytes(), 0, lines.length());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        throw new IllegalArgumentException(
            "field " + field.getKey() + " holds an object or array, not a value");
      }
      record.put(
          field.getKey(),
          value.isNull()
              ? null
              : value.isBoolean()
                  ? (Object) value.booleanValue()
                  : value.isNumber() ? value.numberValue() : value.asText());
    }
    return record;
  }
}
