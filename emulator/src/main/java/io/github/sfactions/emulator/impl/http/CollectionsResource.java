package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.Ids;
import io.github.sfactions.emulator.impl.QueryService;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.MultipleMatchesException;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import io.github.sfactions.emulator.impl.store.SaveOutcome;
import io.github.sfactions.emulator.impl.store.UndoLog;
import io.github.sfactions.emulator.impl.store.WriteOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * sObject Collections ({@code /composite/sobjects}): create, update, upsert, delete and retrieve of
 * up to 200 records, with allOrNone rollback and the {@code statusCode}-keyed item errors.
 */
final class CollectionsResource {
  private static final String F_RECORDS = "records";
  private static final String F_ALL_OR_NONE = "allOrNone";
  private static final String F_ATTRIBUTES = "attributes";
  private static final String F_TYPE = "type";
  private static final String P_IDS = "ids";
  private static final String P_FIELDS = "fields";
  static final int MAX_RECORDS = 200;
  private static final String ENDPOINT = "composite/sobjects";
  private static final String ROLLED_BACK_MESSAGE =
      "Record rolled back because not all records were valid and the request was using AllOrNone header";

  private final EmulatorCore core;

  CollectionsResource(EmulatorCore core) {
    this.core = core;
  }

  /** One record's outcome: an id and created flag, or an error. */
  private record Item(String id, Boolean created, ApiError error) {}

  Reply handle(Call call, String version, List<String> seg) {
    if (seg.isEmpty() || !seg.get(0).equals("sobjects")) {
      throw ApiException.notFound();
    }
    String m = call.method();
    if (seg.size() == 1) {
      return switch (m) {
        case "POST" -> save(call, version, "create");
        case "PATCH" -> save(call, version, "update");
        case "DELETE" -> delete(call, version);
        default -> DataApi.methodNotAllowed(call, "POST", "PATCH", "DELETE");
      };
    }
    ObjectDef def =
        core.schema()
            .object(seg.get(1))
            .orElseThrow(
                () ->
                    new ApiException(
                        404, ErrorCodes.NOT_FOUND, "The requested resource does not exist"));
    call.object(def.name());
    if (seg.size() == 2) {
      return switch (m) {
        case "GET", "POST" -> retrieve(call, def, version);
        default -> DataApi.methodNotAllowed(call, "GET", "POST");
      };
    }
    if (seg.size() == 3) {
      return m.equals("PATCH")
          ? upsert(call, def, seg.get(2), version)
          : DataApi.methodNotAllowed(call, "PATCH");
    }
    throw ApiException.notFound();
  }

  private static JsonNode records(JsonNode body) {
    JsonNode records = body.get(F_RECORDS);
    if (records == null || !records.isArray()) {
      throw ApiException.badRequest(
          ErrorCodes.JSON_PARSER_ERROR,
          "Collection request body must contain a records array",
          List.of());
    }
    if (records.size() > MAX_RECORDS) {
      throw ApiException.badRequest(
          ErrorCodes.EXCEEDED_ID_LIMIT,
          "record limit reached. cannot submit more than "
              + MAX_RECORDS
              + " records into this call",
          List.of());
    }
    return records;
  }

  private static boolean allOrNone(JsonNode body) {
    JsonNode n = body.get(F_ALL_OR_NONE);
    return n != null && (n.asBoolean() || "true".equalsIgnoreCase(n.asText()));
  }

  private Optional<ObjectDef> typeOf(JsonNode record) {
    JsonNode attributes = record.get(F_ATTRIBUTES);
    JsonNode type = attributes == null ? null : attributes.get(F_TYPE);
    return type == null ? Optional.empty() : core.schema().object(type.asText());
  }

  private Reply save(Call call, String version, String op) {
    call.describe(ENDPOINT, null, "collections." + op);
    JsonNode body = Json.parse(call.body());
    JsonNode records = records(body);
    boolean allOrNone = allOrNone(body);
    List<ObjectDef> types = new ArrayList<>();
    for (JsonNode r : records) {
      types.add(r.isObject() ? typeOf(r).orElse(null) : null);
    }
    singleObject(call, types);
    return transaction(
        types,
        allOrNone,
        version,
        call,
        (opts) -> {
          List<Item> items = new ArrayList<>();
          int i = 0;
          for (JsonNode r : records) {
            ObjectDef def = types.get(i++);
            items.add(
                attempt(
                    () -> {
                      if (def == null) {
                        throw ApiException.badRequest(
                            ErrorCodes.INVALID_TYPE,
                            "Must specify a valid type in the attributes of each record",
                            List.of());
                      }
                      injectedRowFault(def);
                      ObjectNode fields = ((ObjectNode) r).deepCopy();
                      if (op.equals("create")) {
                        SaveOutcome out =
                            core.records()
                                .create(
                                    def, FieldValues.fromJson(core.schema(), def, fields), opts);
                        return new Item(out.id(), null, null);
                      }
                      JsonNode idNode =
                          fields.has("id") ? fields.remove("id") : fields.remove("Id");
                      if (idNode == null || idNode.isNull()) {
                        throw ApiException.badRequest(
                            ErrorCodes.MALFORMED_ID,
                            "Id not specified in an update call",
                            List.of());
                      }
                      String id = core.records().requireId(def, idNode.asText());
                      core.records()
                          .update(def, id, FieldValues.fromJson(core.schema(), def, fields), opts);
                      return new Item(id, null, null);
                    },
                    op.equals("create") ? null : idText(r)));
          }
          return items;
        });
  }

  private static String idText(JsonNode r) {
    JsonNode id = r.has("id") ? r.get("id") : r.get("Id");
    return id == null || id.isNull() ? null : Ids.normalize(id.asText()).orElse(null);
  }

  private static void singleObject(Call call, List<ObjectDef> types) {
    TreeSet<String> names = new TreeSet<>();
    for (ObjectDef d : types) {
      if (d != null) {
        names.add(d.name());
      }
    }
    if (names.size() == 1) {
      call.object(names.first());
    }
  }

  private Reply upsert(Call call, ObjectDef def, String fieldName, String version) {
    call.describe(ENDPOINT, def.name(), "collections.upsert");
    FieldDef ext =
        def.field(fieldName)
            .filter(f -> f.externalId() || f.name().equals("Id"))
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        ErrorCodes.NOT_FOUND,
                        "Provided external ID field does not exist or is not accessible: "
                            + fieldName));
    JsonNode body = Json.parse(call.body());
    JsonNode records = records(body);
    boolean allOrNone = allOrNone(body);
    Map<String, Integer> valueCounts = new HashMap<>();
    for (JsonNode r : records) {
      String v = extValue(r, ext);
      if (v != null) {
        valueCounts.merge(ext.caseSensitive() ? v : v.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    List<ObjectDef> types = new ArrayList<>();
    records.forEach(r -> types.add(def));
    return transaction(
        types,
        allOrNone,
        version,
        call,
        (opts) -> {
          List<Item> items = new ArrayList<>();
          for (JsonNode r : records) {
            String v = extValue(r, ext);
            items.add(
                attempt(
                    () -> {
                      if (!r.isObject()) {
                        throw ApiException.badRequest(
                            ErrorCodes.JSON_PARSER_ERROR, "Record must be an object", List.of());
                      }
                      if (v == null || v.isEmpty()) {
                        throw ApiException.badRequest(
                            ErrorCodes.REQUIRED_FIELD_MISSING,
                            "Required fields are missing: [" + ext.name() + "]",
                            List.of(ext.name()));
                      }
                      if (valueCounts.getOrDefault(
                              ext.caseSensitive() ? v : v.toLowerCase(Locale.ROOT), 0)
                          > 1) {
                        throw ApiException.badRequest(
                            ErrorCodes.DUPLICATE_VALUE,
                            "Duplicate external id specified: " + v,
                            List.of(ext.name()));
                      }
                      injectedRowFault(def);
                      ObjectNode fields = ((ObjectNode) r).deepCopy();
                      try {
                        SaveOutcome out =
                            core.records()
                                .upsert(
                                    def,
                                    ext,
                                    v,
                                    FieldValues.fromJson(core.schema(), def, fields),
                                    opts);
                        return new Item(out.id(), out.created(), null);
                      } catch (MultipleMatchesException e) {
                        throw ApiException.badRequest(
                            ErrorCodes.DUPLICATE_EXTERNAL_ID,
                            ext.name()
                                + ": more than one record found for external id field: "
                                + e.ids(),
                            List.of(ext.name()));
                      }
                    },
                    null,
                    true));
          }
          return items;
        });
  }

  private static String extValue(JsonNode r, FieldDef ext) {
    if (!r.isObject()) {
      return null;
    }
    var it = r.fieldNames();
    while (it.hasNext()) {
      String name = it.next();
      if (name.equalsIgnoreCase(ext.name())) {
        JsonNode v = r.get(name);
        return v == null || v.isNull() ? null : v.asText();
      }
    }
    return null;
  }

  private Reply delete(Call call, String version) {
    call.describe(ENDPOINT, null, "collections.delete");
    String idsParam = call.query(P_IDS);
    if (idsParam == null || idsParam.isBlank()) {
      throw ApiException.badRequest(
          ErrorCodes.MALFORMED_ID, "ids parameter is required", List.of());
    }
    String[] raw = idsParam.split(",");
    if (raw.length > MAX_RECORDS) {
      throw ApiException.badRequest(
          ErrorCodes.EXCEEDED_ID_LIMIT,
          "record limit reached. cannot submit more than "
              + MAX_RECORDS
              + " records into this call",
          List.of());
    }
    boolean allOrNone = "true".equalsIgnoreCase(call.query(F_ALL_OR_NONE));
    List<ObjectDef> types = new ArrayList<>();
    for (String r : raw) {
      types.add(
          Ids.normalize(r.trim())
              .flatMap(i -> core.schema().objectByKeyPrefix(i.substring(0, 3)))
              .orElse(null));
    }
    singleObject(call, types);
    return transaction(
        types,
        allOrNone,
        version,
        call,
        (opts) -> {
          List<Item> items = new ArrayList<>();
          for (int i = 0; i < raw.length; i++) {
            ObjectDef def = types.get(i);
            String rawId = raw[i].trim();
            String id = Ids.normalize(rawId).orElse(rawId);
            items.add(
                attempt(
                    () -> {
                      if (def == null) {
                        throw ApiException.badRequest(
                            ErrorCodes.MALFORMED_ID, "malformed id " + rawId, List.of());
                      }
                      injectedRowFault(def);
                      core.records().delete(def, id, false, opts);
                      return new Item(id, null, null);
                    },
                    id));
          }
          return items;
        });
  }

  private Reply retrieve(Call call, ObjectDef def, String version) {
    call.describe(ENDPOINT, def.name(), "collections.retrieve");
    List<String> ids = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    if (call.method().equals("POST")) {
      JsonNode body = Json.parse(call.body());
      body.path(P_IDS).forEach(n -> ids.add(n.asText()));
      body.path(P_FIELDS).forEach(n -> fields.add(n.asText()));
    } else {
      addCsv(ids, call.query(P_IDS));
      addCsv(fields, call.query(P_FIELDS));
    }
    if (ids.isEmpty() || fields.isEmpty()) {
      throw ApiException.badRequest(
          ErrorCodes.INVALID_FIELD, "Both ids and fields are required", List.of());
    }
    if (ids.size() > 2000) {
      throw ApiException.badRequest(
          ErrorCodes.EXCEEDED_ID_LIMIT, "record limit reached", List.of());
    }
    List<String> canonical = new ArrayList<>();
    for (String f : fields) {
      canonical.add(
          def.field(f).map(FieldDef::name).orElseThrow(() -> FieldValues.noSuchColumn(def, f)));
    }
    List<Object> out = new ArrayList<>();
    ObjectTable table = core.store().table(def.name());
    for (String raw : ids) {
      Map<String, Object> row = Ids.normalize(raw).map(table::get).orElse(null);
      out.add(
          row == null || ObjectTable.isDeleted(row)
              ? null
              : QueryService.project(def.name(), canonical, row, version));
    }
    return Reply.json(200, out);
  }

  private static void addCsv(List<String> into, String csv) {
    if (csv != null) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          into.add(s.trim());
        }
      }
    }
  }

  private interface Work {
    Item run();
  }

  /** A per-record failure injected through the emulator's row faults. */
  private void injectedRowFault(ObjectDef def) {
    Optional<String[]> injected = core.faults().pickRow(def.name());
    if (injected.isPresent()) {
      throw ApiException.badRequest(injected.get()[0], injected.get()[1], List.of());
    }
  }

  private Item attempt(Work work, String idForErrors) {
    return attempt(work, idForErrors, false);
  }

  private Item attempt(Work work, String idForErrors, boolean upsert) {
    try {
      return work.run();
    } catch (ApiException e) {
      return new Item(idForErrors, upsert ? Boolean.FALSE : null, e.first());
    }
  }

  /**
   * Runs the items under the locks of every object involved (taken in name order, so two collection
   * calls never deadlock); with allOrNone any failure rolls every change back.
   */
  private Reply transaction(
      List<ObjectDef> types,
      boolean allOrNone,
      String version,
      Call call,
      Function<WriteOptions, List<Item>> work) {
    TreeSet<String> names = new TreeSet<>();
    for (ObjectDef d : types) {
      if (d != null) {
        names.add(d.name());
      }
    }
    List<ReentrantLock> locks = new ArrayList<>();
    if (allOrNone) {
      for (String n : names) {
        locks.add(core.store().table(n).lock());
      }
    }
    UndoLog undo = allOrNone ? new UndoLog(call.undo()) : call.undo();
    String dupHeader = call.header(SObjectResource.DUPLICATE_RULE_HEADER);
    boolean allowDup =
        dupHeader != null
            && dupHeader.replace(" ", "").toLowerCase(Locale.ROOT).contains("allowsave=true");
    WriteOptions opts = new WriteOptions(allowDup, undo, version);
    locks.forEach(ReentrantLock::lock);
    List<Item> items;
    try {
      items = work.apply(opts);
      boolean failed = items.stream().anyMatch(i -> i.error() != null);
      if (allOrNone && failed) {
        undo.rollback();
        core.store().changed();
        List<Item> rolled = new ArrayList<>();
        for (Item i : items) {
          rolled.add(
              i.error() != null
                  ? i
                  : new Item(
                      null,
                      i.created(),
                      new ApiError(
                          ErrorCodes.ALL_OR_NONE_OPERATION_ROLLED_BACK, ROLLED_BACK_MESSAGE)));
        }
        items = rolled;
      }
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item i : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (i.id() != null) {
        m.put("id", i.id());
      }
      m.put("success", i.error() == null);
      m.put("errors", i.error() == null ? List.of() : List.of(Reply.collectionError(i.error())));
      if (i.created() != null) {
        m.put("created", i.created());
      }
      out.add(m);
    }
    return Reply.json(200, out);
  }
}
