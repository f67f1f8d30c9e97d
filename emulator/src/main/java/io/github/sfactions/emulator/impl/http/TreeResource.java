package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.UndoLog;
import io.github.sfactions.emulator.impl.store.WriteOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /composite/tree/{SObject}}: record trees (a parent with nested child records under
 * its child relationship name, e.g. {@code Contacts}) created all or nothing. 201 {@code
 * {hasErrors:false, results:[{referenceId,id}]}}; on any error everything is rolled back and the
 * answer is 400 {@code {hasErrors:true, results:[{referenceId, errors}]}} naming the failing
 * records.
 */
final class TreeResource {
  static final int MAX_RECORDS = 200;
  static final int MAX_DEPTH = 5;
  private static final String ATTRIBUTES = "attributes";
  private static final String RECORDS = "records";

  private final EmulatorCore core;

  TreeResource(EmulatorCore core) {
    this.core = core;
  }

  private record Failure(String referenceId, List<ApiError> errors) {}

  Reply handle(Call call, String version, String objectName) {
    ObjectDef def =
        core.schema()
            .object(objectName)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        io.github.sfactions.emulator.impl.ErrorCodes.NOT_FOUND,
                        "The requested resource does not exist"));
    JsonNode root = Json.parse(call.body());
    JsonNode records = root.get(RECORDS);
    if (records == null || !records.isArray() || records.isEmpty()) {
      throw new ApiException(
          400,
          CompositeResource.INVALID_INPUT,
          "records is required and must be a non-empty array");
    }
    int total = count(records, 1);
    if (total > MAX_RECORDS) {
      throw new ApiException(
          400,
          CompositeResource.LIMIT_EXCEEDED,
          "Limit Exceeded: a tree request may hold at most "
              + MAX_RECORDS
              + " records; this one has "
              + total);
    }
    UndoLog undo = new UndoLog(call.undo());
    WriteOptions opts = new WriteOptions(false, undo, version);
    List<Map<String, Object>> results = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    Set<String> refIds = new HashSet<>();
    for (JsonNode r : records) {
      create(def, r, null, null, opts, refIds, results, failures);
    }
    if (!failures.isEmpty()) {
      undo.rollback();
      core.store().changed();
      List<Map<String, Object>> errs = new ArrayList<>();
      for (Failure f : failures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("referenceId", f.referenceId());
        m.put("errors", f.errors().stream().map(Reply::collectionError).toList());
        errs.add(m);
      }
      return Reply.json(400, Map.of("hasErrors", true, "results", errs));
    }
    return Reply.json(201, Map.of("hasErrors", false, "results", results));
  }

  private static int count(JsonNode records, int depth) {
    int n = 0;
    for (JsonNode r : records) {
      n++;
      if (r.isObject()) {
        for (var it = r.properties().iterator(); it.hasNext(); ) {
          JsonNode v = it.next().getValue();
          if (v.isObject() && v.has(RECORDS) && v.get(RECORDS).isArray()) {
            n += count(v.get(RECORDS), depth + 1);
          }
        }
      }
    }
    return n;
  }

  private void create(
      ObjectDef def,
      JsonNode record,
      FieldDef parentField,
      String parentId,
      WriteOptions opts,
      Set<String> refIds,
      List<Map<String, Object>> results,
      List<Failure> failures) {
    JsonNode attrs = record.path(ATTRIBUTES);
    String ref = attrs.path("referenceId").asText("");
    String type = attrs.path("type").asText("");
    if (ref.isEmpty()) {
      failures.add(
          fail(
              ref,
              CompositeResource.INVALID_INPUT,
              "Include a reference ID for each record in the request."));
      return;
    }
    if (!refIds.add(ref)) {
      failures.add(
          fail(
              ref,
              CompositeResource.INVALID_INPUT,
              "Duplicate ReferenceId provided in the request."));
      return;
    }
    if (!type.equalsIgnoreCase(def.name())) {
      failures.add(
          fail(
              ref,
              CompositeResource.INVALID_INPUT,
              "attributes.type must be " + def.name() + " here, not '" + type + "'"));
      return;
    }
    ObjectNode fields = Json.MAPPER.createObjectNode();
    Map<String, JsonNode> children = new LinkedHashMap<>();
    for (var it = record.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals(ATTRIBUTES)) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isObject() && v.has(RECORDS)) {
        children.put(e.getKey(), v.get(RECORDS));
      } else {
        fields.set(e.getKey(), v);
      }
    }
    if (parentField != null) {
      fields.put(parentField.name(), parentId);
    }
    String id;
    try {
      Map<String, Object> values = FieldValues.fromJson(core.schema(), def, fields);
      id = core.records().create(def, values, opts).id();
    } catch (ApiException e) {
      failures.add(new Failure(ref, e.errors()));
      return;
    }
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("referenceId", ref);
    ok.put("id", id);
    results.add(ok);
    for (Map.Entry<String, JsonNode> c : children.entrySet()) {
      Optional<Map.Entry<ObjectDef, FieldDef>> rel = childRelationship(def, c.getKey());
      if (rel.isEmpty()) {
        failures.add(
            fail(
                ref,
                io.github.sfactions.emulator.impl.ErrorCodes.INVALID_FIELD,
                "No such column '" + c.getKey() + "' on sobject of type " + def.name()));
        continue;
      }
      for (JsonNode child : c.getValue()) {
        create(
            rel.get().getKey(), child, rel.get().getValue(), id, opts, refIds, results, failures);
      }
    }
  }

  private static Failure fail(String ref, String code, String message) {
    return new Failure(ref, List.of(new ApiError(code, message)));
  }

  /**
   * The child object and its reference field for a child relationship name ({@link
   * ObjectDef#childRelationship}).
   */
  private Optional<Map.Entry<ObjectDef, FieldDef>> childRelationship(
      ObjectDef parent, String name) {
    return ObjectDef.childRelationship(core.schema().objects(), parent, name)
        .map(c -> Map.entry(c.child(), c.referenceField()));
  }
}
