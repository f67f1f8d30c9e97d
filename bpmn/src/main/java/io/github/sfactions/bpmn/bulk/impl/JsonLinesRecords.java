package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records from a JSON-lines stream: one flat JSON object per line (field API name to text, number,
 * boolean or null); blank lines are skipped. Read one line at a time.
 */
public final class JsonLinesRecords implements BackfillLoader.Records {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedReader lines;
  private long number;
  private String line;

  /** Records of this UTF-8 stream (not closed here). */
  public JsonLinesRecords(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public boolean next() {
    try {
      do {
        line = lines.readLine();
        number++;
      } while (line != null && line.isBlank());
      return line != null;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the back-fill: " + e.getMessage(), e);
    }
  }

  @Override
  public long number() {
    return number;
  }

  @Override
  public Map<String, Object> record() {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
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
