package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.Ids;
import io.github.sfactions.emulator.impl.QueryService;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.MultipleMatchesException;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import io.github.sfactions.emulator.impl.store.SaveOutcome;
import io.github.sfactions.emulator.impl.store.WriteOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /sobjects/...}: describe, create, retrieve, update, delete and native upsert. */
final class SObjectResource {
  private static final String P_FIELDS = "fields";
  static final String DUPLICATE_RULE_HEADER = "Sforce-Duplicate-Rule-Header";
  private static final String ENDPOINT = "sobjects";
  private static final String UPDATE_ONLY = "updateOnly";

  private final EmulatorCore core;
  private final DescribeResource describe;
  private final ReplicationResource replication;

  SObjectResource(EmulatorCore core, DescribeResource describe) {
    this.core = core;
    this.describe = describe;
    this.replication = new ReplicationResource(core);
  }

  Reply handle(Call call, String version, List<String> seg) {
    if (seg.isEmpty()) {
      call.describe(ENDPOINT, null, "describeGlobal");
      return call.method().equals("GET")
          ? describe.global(version)
          : DataApi.methodNotAllowed(call, "GET");
    }
    ObjectDef def = core.schema().object(seg.get(0)).orElseThrow(ApiException::notFound);
    call.object(def.name());
    String m = call.method();
    if (seg.size() == 1) {
      return switch (m) {
        case "GET" -> {
          call.describe(ENDPOINT, def.name(), "describe");
          yield describe.basicInfo(def, version);
        }
        case "POST" -> create(call, def, version);
        default -> DataApi.methodNotAllowed(call, "GET", "POST");
      };
    }
    String second = seg.get(1);
    if (seg.size() == 2) {
      if (second.equals("describe")) {
        call.describe(ENDPOINT, def.name(), "describe");
        return m.equals("GET")
            ? describe.describe(def, version, call.header("If-Modified-Since"))
            : DataApi.methodNotAllowed(call, "GET");
      }
      if (second.equals(ReplicationResource.UPDATED)
          || second.equals(ReplicationResource.DELETED)) {
        return replication.handle(call, def, second);
      }
      if (second.equalsIgnoreCase("Id") && (m.equals("POST") || m.equals("PATCH"))) {
        return create(call, def, version);
      }
      return byId(call, def, version, second);
    }
    if (seg.size() == 3) {
      return byExternalId(call, def, version, second, seg.get(2));
    }
    throw ApiException.notFound();
  }

  private static WriteOptions options(Call call, String version) {
    String h = call.header(DUPLICATE_RULE_HEADER);
    boolean allow =
        h != null && h.replace(" ", "").toLowerCase(Locale.ROOT).contains("allowsave=true");
    return new WriteOptions(allow, call.undo(), version);
  }

  private Reply create(Call call, ObjectDef def, String version) {
    call.describe(ENDPOINT, def.name(), "create");
    Map<String, Object> values = FieldValues.fromJson(core.schema(), def, Json.parse(call.body()));
    SaveOutcome out = core.records().create(def, values, options(call, version));
    return Reply.json(201, saveResult(out.id(), null))
        .withHeader(
            "Location", "/services/data/v" + version + "/sobjects/" + def.name() + "/" + out.id());
  }

  private Reply byId(Call call, ObjectDef def, String version, String rawId) {
    switch (call.method()) {
      case "GET" -> {
        call.describe(ENDPOINT, def.name(), "retrieve");
        String id = idOrNotFound(def, rawId);
        Map<String, Object> row = core.store().table(def.name()).get(id);
        if (row == null) {
          throw ApiException.notFound();
        }
        if (ObjectTable.isDeleted(row)) {
          throw new ApiException(404, ErrorCodes.ENTITY_IS_DELETED, "entity is deleted");
        }
        return Reply.json(
            200,
            QueryService.project(
                def.name(), selectedFields(def, call.query(P_FIELDS)), row, version));
      }
      case "PATCH" -> {
        call.describe(ENDPOINT, def.name(), "update");
        String id = core.records().requireId(def, rawId);
        Map<String, Object> values =
            FieldValues.fromJson(core.schema(), def, Json.parse(call.body()));
        core.records().update(def, id, values, options(call, version));
        return Reply.empty(204);
      }
      case "DELETE" -> {
        call.describe(ENDPOINT, def.name(), "delete");
        core.records().delete(def, rawId, false, options(call, version));
        return Reply.empty(204);
      }
      default -> {
        return DataApi.methodNotAllowed(call, "GET", "PATCH", "DELETE");
      }
    }
  }

  /** For GET an id of another object or a non-id is simply not found. */
  private static String idOrNotFound(ObjectDef def, String rawId) {
    Optional<String> id = Ids.normalize(rawId);
    if (id.isEmpty()) {
      throw ApiException.notFound();
    }
    if (!id.get().startsWith(def.keyPrefix())) {
      throw ApiException.badRequest(
          ErrorCodes.MALFORMED_ID,
          def.label() + " ID: id value of incorrect type: " + rawId,
          List.of("Id"));
    }
    return id.get();
  }

  private List<String> selectedFields(ObjectDef def, String fieldsParam) {
    if (fieldsParam == null || fieldsParam.isBlank()) {
      return new ArrayList<>(def.fields().keySet());
    }
    List<String> out = new ArrayList<>();
    for (String f : fieldsParam.split(",")) {
      String name = f.trim();
      if (name.isEmpty()) {
        continue;
      }
      out.add(
          def.field(name)
              .map(FieldDef::name)
              .orElseThrow(() -> FieldValues.noSuchColumn(def, name)));
    }
    return out;
  }

  private Reply byExternalId(
      Call call, ObjectDef def, String version, String fieldName, String value) {
    Optional<FieldDef> field =
        def.field(fieldName)
            .filter(
                f -> f.externalId() || f.type() == FieldType.ID || (f.idLookup() && f.unique()));
    String m = call.method();
    call.describe(
        ENDPOINT,
        def.name(),
        m.equals("PATCH") ? "upsert" : m.equals("GET") ? "retrieve" : "delete");
    if (field.isEmpty()) {
      throw new ApiException(
          404,
          ErrorCodes.NOT_FOUND,
          "Provided external ID field does not exist or is not accessible: " + fieldName);
    }
    FieldDef f = field.get();
    switch (m) {
      case "PATCH" -> {
        Map<String, Object> values =
            FieldValues.fromJson(core.schema(), def, Json.parse(call.body()));
        if ("true".equalsIgnoreCase(call.query(UPDATE_ONLY))
            && f.type() != FieldType.ID
            && core.records().findByExternalId(def, f, value).isEmpty()) {
          throw ApiException.notFound();
        }
        try {
          SaveOutcome out = core.records().upsert(def, f, value, values, options(call, version));
          Reply r = Reply.json(out.created() ? 201 : 200, saveResult(out.id(), out.created()));
          return out.created()
              ? r.withHeader(
                  "Location",
                  "/services/data/v" + version + "/sobjects/" + def.name() + "/" + out.id())
              : r;
        } catch (MultipleMatchesException e) {
          return multipleChoices(def, version, e.ids());
        }
      }
      case "GET", "DELETE" -> {
        List<String> ids =
            f.type() == FieldType.ID
                ? Ids.normalize(value).filter(i -> live(def, i)).map(List::of).orElse(List.of())
                : core.records().findByExternalId(def, f, value);
        if (ids.isEmpty()) {
          throw ApiException.notFound();
        }
        if (ids.size() > 1) {
          return multipleChoices(def, version, ids);
        }
        if (m.equals("DELETE")) {
          core.records().delete(def, ids.get(0), false, options(call, version));
          return Reply.empty(204);
        }
        Map<String, Object> row = core.store().table(def.name()).get(ids.get(0));
        return Reply.json(
            200,
            QueryService.project(
                def.name(), selectedFields(def, call.query(P_FIELDS)), row, version));
      }
      default -> {
        return DataApi.methodNotAllowed(call, "GET", "PATCH", "DELETE");
      }
    }
  }

  private boolean live(ObjectDef def, String id) {
    Map<String, Object> row = core.store().table(def.name()).get(id);
    return row != null && !ObjectTable.isDeleted(row);
  }

  private static Reply multipleChoices(ObjectDef def, String version, List<String> ids) {
    List<String> urls = new ArrayList<>();
    for (String id : ids.stream().sorted().toList()) {
      urls.add("/services/data/v" + version + "/sobjects/" + def.name() + "/" + id);
    }
    return Reply.json(300, urls);
  }

  static Map<String, Object> saveResult(String id, Boolean created) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("success", true);
    m.put("errors", List.of());
    if (created != null) {
      m.put("created", created);
    }
    return m;
  }
}
