package io.github.sfactions.client.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.BulkJobState;
import io.github.sfactions.client.BulkOperation;
import io.github.sfactions.client.FieldDescribe;
import io.github.sfactions.client.GlobalSObject;
import io.github.sfactions.client.OrgLimits;
import io.github.sfactions.client.SObjectDescribe;
import io.github.sfactions.client.SaveError;
import io.github.sfactions.client.SaveResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Salesforce JSON answers to the client's records. */
public final class Mappers {

  private Mappers() {}

  public static SaveResult saveResult(JsonNode node) {
    List<SaveError> errors = new ArrayList<>();
    JsonNode errs = node.get("errors");
    if (errs != null && errs.isArray()) {
      for (JsonNode e : errs) {
        String code = Json.text(e, "statusCode");
        errors.add(
            new SaveError(
                code != null ? code : Json.text(e, "errorCode"),
                Json.text(e, "message"),
                texts(e.get("fields"))));
      }
    }
    return new SaveResult(
        Json.text(node, "id"), Json.bool(node, "success"), Json.bool(node, "created"), errors);
  }

  public static List<SaveResult> saveResults(JsonNode array) {
    List<SaveResult> results = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> results.add(saveResult(n)));
    }
    return results;
  }

  /** A record without its top-level {@code attributes}. */
  public static Map<String, Object> record(JsonNode node) {
    Map<String, Object> map = Json.toMap(node);
    map.remove("attributes");
    return map;
  }

  public static SObjectDescribe describe(JsonNode node) {
    List<FieldDescribe> fields = new ArrayList<>();
    JsonNode fs = node.get("fields");
    if (fs != null && fs.isArray()) {
      fs.forEach(f -> fields.add(field(f)));
    }
    return new SObjectDescribe(
        Json.text(node, "name"),
        Json.text(node, "label"),
        Json.text(node, "keyPrefix"),
        Json.bool(node, "custom"),
        Json.bool(node, "createable"),
        Json.bool(node, "updateable"),
        Json.bool(node, "deletable"),
        Json.bool(node, "queryable"),
        fields);
  }

  static FieldDescribe field(JsonNode f) {
    List<String> picklist = new ArrayList<>();
    JsonNode pv = f.get("picklistValues");
    if (pv != null && pv.isArray()) {
      for (JsonNode v : pv) {
        JsonNode active = v.get("active");
        if (active == null || active.asBoolean(true)) {
          picklist.add(Json.text(v, "value"));
        }
      }
    }
    return new FieldDescribe(
        Json.text(f, "name"),
        Json.text(f, "label"),
        Json.text(f, "type"),
        (int) Json.number(f, "length"),
        Json.bool(f, "nillable"),
        Json.bool(f, "createable"),
        Json.bool(f, "updateable"),
        Json.bool(f, "filterable"),
        Json.bool(f, "sortable"),
        Json.bool(f, "externalId"),
        Json.bool(f, "unique"),
        Json.bool(f, "idLookup"),
        Json.bool(f, "caseSensitive"),
        Json.bool(f, "defaultedOnCreate"),
        Json.bool(f, "calculated"),
        Json.bool(f, "custom"),
        picklist,
        texts(f.get("referenceTo")),
        Json.text(f, "relationshipName"));
  }

  public static List<GlobalSObject> describeGlobal(JsonNode node) {
    List<GlobalSObject> result = new ArrayList<>();
    JsonNode list = node.get("sobjects");
    if (list != null && list.isArray()) {
      for (JsonNode o : list) {
        result.add(
            new GlobalSObject(
                Json.text(o, "name"),
                Json.text(o, "label"),
                Json.text(o, "keyPrefix"),
                Json.bool(o, "custom"),
                Json.bool(o, "createable"),
                Json.bool(o, "updateable"),
                Json.bool(o, "deletable"),
                Json.bool(o, "queryable")));
      }
    }
    return result;
  }

  public static BulkJobInfo jobInfo(JsonNode n) {
    String operation = Json.text(n, "operation");
    String state = Json.text(n, "state");
    return new BulkJobInfo(
        Json.text(n, "id"),
        Json.text(n, "object"),
        operation == null ? null : BulkOperation.fromApiValue(operation),
        state == null ? null : BulkJobState.fromApiValue(state),
        Json.text(n, "externalIdFieldName"),
        Json.text(n, "createdDate"),
        Json.text(n, "contentUrl"),
        Json.number(n, "numberRecordsProcessed"),
        Json.number(n, "numberRecordsFailed"),
        Json.number(n, "retries"),
        Json.number(n, "totalProcessingTime"),
        Json.text(n, "errorMessage"));
  }

  public static OrgLimits limits(JsonNode node) {
    Map<String, OrgLimits.Limit> limits = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode max = e.getValue().get("Max");
              JsonNode remaining = e.getValue().get("Remaining");
              if (max != null
                  && remaining != null
                  && max.canConvertToLong()
                  && remaining.canConvertToLong()) {
                limits.put(
                    e.getKey(), new OrgLimits.Limit(e.getKey(), max.asLong(), remaining.asLong()));
              }
            });
    return new OrgLimits(limits);
  }

  static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(x -> list.add(x.asText()));
    }
    return list;
  }
}
