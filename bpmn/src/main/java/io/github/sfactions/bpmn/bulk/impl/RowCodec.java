package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record's cells (column → text, null kept) as JSON in the queue row. */
final class RowCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {};

  private RowCodec() {}

  static String write(Map<String, String> row) {
    try {
      return MAPPER.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot store bulk record: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, String> read(String json) {
    try {
      return MAPPER.readValue(json, ROW);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt bulk queue row: " + e.getOriginalMessage(), e);
    }
  }
}
