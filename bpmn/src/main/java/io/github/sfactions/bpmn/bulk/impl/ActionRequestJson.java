package io.github.sfactions.bpmn.bulk.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.client.RequestJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A micro-batch record's action request as stored in its queue row, and back. Values are written as
 * the Salesforce client writes them into request bodies (java.time as ISO text, dates as epoch
 * milliseconds, decimals exactly), so a request read back sends the same JSON it would have sent
 * over REST.
 */
final class ActionRequestJson {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final ObjectMapper MAPPER = RequestJson.mapper();

  private static final String TYPE = "type";
  private static final String OPERATION = "operation";
  private static final String SYNC_MODE = "syncMode";
  private static final String SOBJECT = "sobject";
  private static final String FIELDS = "fields";
  private static final String OTHER_FIELDS = "otherFields";
  private static final String MATCHERS = "recordMatchers";
  private static final String OPERATOR = "recordMatchersOperator";
  private static final String EXTERNAL_ID_FIELD = "externalIdField";

  private ActionRequestJson() {}

  /** The request as JSON text. */
  static String write(ActionRequest request) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(TYPE, request.type().name());
    json.put(OPERATION, request.operation());
    json.put(SYNC_MODE, request.syncMode());
    json.put(SOBJECT, request.sobject());
    json.put(FIELDS, request.fields());
    json.put(OTHER_FIELDS, request.otherFields());
    json.put(MATCHERS, request.recordMatchers());
    json.put(OPERATOR, request.recordMatchersOperator());
    json.put(EXTERNAL_ID_FIELD, request.externalIdField());
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The record cannot be queued as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request stored as {@code text}. */
  @SuppressWarnings("unchecked")
  static ActionRequest read(String text) {
    Map<String, Object> json;
    try {
      json = MAPPER.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "A queued micro-batch record is not readable JSON: " + e.getOriginalMessage(), e);
    }
    ActionRequest.Builder b =
        ActionRequest.builder(ActionType.valueOf((String) json.get(TYPE)))
            .operation((String) json.get(OPERATION))
            .syncMode((String) json.get(SYNC_MODE))
            .sobject((String) json.get(SOBJECT))
            .otherFields((Map<String, ?>) json.get(OTHER_FIELDS))
            .recordMatchers((Map<String, ?>) json.get(MATCHERS))
            .recordMatchersOperator((String) json.get(OPERATOR))
            .externalIdField((String) json.get(EXTERNAL_ID_FIELD));
    Map<String, Object> fields = (Map<String, Object>) json.get(FIELDS);
    if (fields != null) {
      fields.forEach(b::field);
    }
    return b.build();
  }
}
