package io.github.sfactions.camunda.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.BulkParameters;
import io.github.sfactions.camunda.FindRecordsParameters;
import io.github.sfactions.camunda.SalesforceResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.connect.impl.AbstractConnectorResponse;

/** Outputs computed by the connector, handed to the engine as response parameters. */
public class SalesforceResponseImpl extends AbstractConnectorResponse
    implements SalesforceResponse {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> outputs;

  public SalesforceResponseImpl(Map<String, Object> outputs) {
    this.outputs = new LinkedHashMap<>(outputs);
  }

  @Override
  protected void collectResponseParameters(Map<String, Object> responseParameters) {
    responseParameters.putAll(outputs);
  }

  @Override
  public String getRecordId() {
    return text(ActionParameters.RECORD_ID);
  }

  @Override
  public String getResult() {
    return text(ActionParameters.RESULT);
  }

  @Override
  public Integer getMatchCount() {
    return integer(ActionParameters.MATCH_COUNT);
  }

  @Override
  public Integer getStatusCode() {
    return integer(ActionParameters.STATUS_CODE);
  }

  @Override
  public Integer getApiCalls() {
    return integer(ActionParameters.API_CALLS);
  }

  @Override
  public List<String> getRecordIds() {
    // the ...Json twin is text whether or not Spin is on; the list output may be a Spin node
    return list(FindRecordsParameters.RECORD_IDS_JSON, new TypeReference<>() {});
  }

  @Override
  public String getQueueEntryId() {
    return text(ActionParameters.QUEUE_ENTRY_ID);
  }

  @Override
  public String getJobId() {
    return text(BulkParameters.JOB_ID);
  }

  @Override
  public String getState() {
    return text(BulkParameters.STATE);
  }

  @Override
  public Boolean isDone() {
    Object done = outputs.get(BulkParameters.DONE);
    return done == null ? null : (Boolean) done;
  }

  @Override
  public Long getNumberRecordsProcessed() {
    return longValue(BulkParameters.NUMBER_RECORDS_PROCESSED);
  }

  @Override
  public Long getNumberRecordsFailed() {
    return longValue(BulkParameters.NUMBER_RECORDS_FAILED);
  }

  @Override
  public String getErrorMessage() {
    return text(BulkParameters.ERROR_MESSAGE);
  }

  @Override
  public Integer getRecordCount() {
    return integer(BulkParameters.RECORD_COUNT);
  }

  @Override
  public List<Map<String, Object>> getResults() {
    return list(BulkParameters.RESULTS_JSON, new TypeReference<>() {});
  }

  @Override
  public Integer getSuccessfulCount() {
    return integer(BulkParameters.SUCCESSFUL_COUNT);
  }

  @Override
  public Integer getFailedCount() {
    return integer(BulkParameters.FAILED_COUNT);
  }

  @Override
  public Integer getUnprocessedCount() {
    return integer(BulkParameters.UNPROCESSED_COUNT);
  }

  private String text(String name) {
    Object value = outputs.get(name);
    return value == null ? null : value.toString();
  }

  private Integer integer(String name) {
    Object value = outputs.get(name);
    return value == null ? null : ((Number) value).intValue();
  }

  private Long longValue(String name) {
    Object value = outputs.get(name);
    return value == null ? null : ((Number) value).longValue();
  }

  private <T> List<T> list(String jsonName, TypeReference<List<T>> type) {
    String json = text(jsonName);
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      // we wrote this text ourselves (OutputValues.jsonText): unreadable means a bug, not bad input
      throw new IllegalStateException("Output " + jsonName + " is not a JSON list", e);
    }
  }
}
