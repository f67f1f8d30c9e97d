package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.RecordParameters.API_CALLS;
import static io.github.sfactions.camunda.RecordParameters.CONNECTION;
import static io.github.sfactions.camunda.RecordParameters.EXTERNAL_ID_FIELD;
import static io.github.sfactions.camunda.RecordParameters.EXTERNAL_ID_VALUE;
import static io.github.sfactions.camunda.RecordParameters.FIELDS;
import static io.github.sfactions.camunda.RecordParameters.OPERATION;
import static io.github.sfactions.camunda.RecordParameters.RECORD_ID;
import static io.github.sfactions.camunda.RecordParameters.RESULT;
import static io.github.sfactions.camunda.RecordParameters.SOBJECT;
import static io.github.sfactions.camunda.RecordParameters.STATUS_CODE;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.action.ObjectNames;
import io.github.sfactions.action.Outcome;
import io.github.sfactions.action.RecordGuard;
import io.github.sfactions.action.SalesforceErrors;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.SaveResult;
import io.github.sfactions.client.SoqlBuildException;
import io.github.sfactions.client.UpsertResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-record}: one write to any object without a lookup. {@code create} (fields),
 * {@code update} / {@code delete} (recordId), {@code upsert} (externalIdField + externalIdValue,
 * natively: {@code PATCH /sobjects/X/Field/value}). Always one API call.
 */
public class RecordConnector extends AbstractSalesforceConnector {

  private static final Set<String> INPUTS =
      Set.of(
          SOBJECT, OPERATION, RECORD_ID, FIELDS, EXTERNAL_ID_FIELD, EXTERNAL_ID_VALUE, CONNECTION);

  public RecordConnector() {
    super(SalesforceConnectorIds.RECORD);
  }

  @Override
  protected Set<String> inputNames() {
    return INPUTS;
  }

  @Override
  protected String describe(Map<String, Object> params) {
    return textOr(params, SOBJECT, "?") + " " + textOr(params, OPERATION, "?");
  }

  @Override
  protected Map<String, Object> perform(Map<String, Object> params) {
    String sobject = ObjectNames.validate(InputValues.text(SOBJECT, params.get(SOBJECT)));
    String operation = InputValues.text(OPERATION, params.get(OPERATION));
    Map<String, Object> fields = InputValues.map(FIELDS, params.get(FIELDS));
    String recordId = InputValues.text(RECORD_ID, params.get(RECORD_ID));
    ApiCallCounter calls = new ApiCallCounter();
    try {
      SalesforceClient client = calls.on(client(params));
      Map<String, Object> out =
          switch (operation == null ? "" : operation) {
            case "create" -> {
              SaveResult r = client.create(sobject, require(fields, FIELDS));
              // after a salesforce-find-records lookup that found none: keep that record's order
              EngineRecordGuard.turnForWrite(sobject, null).wrote(fields.keySet());
              yield outputs(r.id(), Outcome.CREATED, 201);
            }
            case "update" -> {
              // after a salesforce-find-records lookup that found it: write in arrival order
              RecordGuard.Turn turn =
                  EngineRecordGuard.turnForWrite(sobject, require(recordId, RECORD_ID));
              Map<String, Object> unwritten = turn.unwritten(require(fields, FIELDS));
              // a later event wrote every field already: the record holds what this one would
              // leave after it
              if (!unwritten.isEmpty() || fields.isEmpty()) {
                client.update(sobject, recordId, unwritten);
                turn.wrote(unwritten.keySet());
              }
              yield outputs(recordId, Outcome.UPDATED, 204);
            }
            case "delete" -> {
              client.delete(sobject, require(recordId, RECORD_ID));
              yield outputs(recordId, Outcome.DELETED, 204);
            }
            case "upsert" -> {
              String field =
                  require(
                      InputValues.text(EXTERNAL_ID_FIELD, params.get(EXTERNAL_ID_FIELD)),
                      EXTERNAL_ID_FIELD);
              String value =
                  require(
                      InputValues.text(EXTERNAL_ID_VALUE, params.get(EXTERNAL_ID_VALUE)),
                      EXTERNAL_ID_VALUE);
              Map<String, Object> body =
                  fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
              body.keySet().removeIf(k -> k.equalsIgnoreCase(field));
              UpsertResult r = client.upsert(sobject, field, value, body);
              yield outputs(
                  r.id(), r.created() ? Outcome.CREATED : Outcome.UPDATED, r.created() ? 201 : 200);
            }
            default ->
                throw new ActionException(
                    "Invalid operation - "
                        + operation
                        + " (expected create, update, delete or upsert)",
                    ActionMessages.CODE_INVALID_OPERATION,
                    ActionMessages.STATUS_BAD_REQUEST);
          };
      out.put(API_CALLS, calls.count());
      return out;
    } catch (SalesforceApiException e) {
      throw SalesforceErrors.classify(e);
    } catch (SoqlBuildException e) {
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  private static Map<String, Object> outputs(String id, Outcome outcome, int status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(RECORD_ID, id);
    out.put(RESULT, outcome.value());
    out.put(STATUS_CODE, status);
    return out;
  }

  private static <T> T require(T value, String name) {
    if (value == null) {
      throw new ActionException(
          "Missing " + name + " value",
          ActionMessages.CODE_REQUIRED_FIELD,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return value;
  }
}
