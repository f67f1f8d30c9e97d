package io.github.sfactions.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.bulk.BulkIngestApi;
import io.github.sfactions.emulator.bulk.BulkJobSummary;
import io.github.sfactions.emulator.bulk.BulkRecordStore;
import io.github.sfactions.emulator.bulk.BulkResponse;
import io.github.sfactions.emulator.bulk.BulkRowResult;
import io.github.sfactions.emulator.bulk.BulkSettings;
import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.http.Call;
import io.github.sfactions.emulator.impl.http.DataApi;
import io.github.sfactions.emulator.impl.http.Json;
import io.github.sfactions.emulator.impl.http.Reply;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.MultipleMatchesException;
import io.github.sfactions.emulator.impl.store.SaveOutcome;
import io.github.sfactions.emulator.impl.store.WriteOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects the Bulk API 2.0 package to the org: rows are written through the same record service
 * (and so the same validation) as REST, and {@code /jobs/ingest/**} requests reach the bulk API
 * after authentication, limits, counting and fault injection.
 */
final class BulkWiring implements BulkRecordStore, DataApi.BulkEndpoint {
  private static final Logger LOG = Logger.getLogger(BulkWiring.class.getName());

  private final EmulatorCore core;
  private final BulkIngestApi api;

  BulkWiring(EmulatorCore core) {
    this.core = core;
    this.api = new BulkIngestApi(this, settings(core.config().bulk(), core));
  }

  private static BulkSettings settings(EmulatorConfig.Bulk bulk, EmulatorCore core) {
    BulkSettings.Builder b = BulkSettings.builder().clock(core.clock());
    if (bulk != null) {
      if (bulk.recordsPerSecond() != null) {
        b.recordsPerSecond(bulk.recordsPerSecond());
      }
      if (bulk.stateDwellMs() != null) {
        b.stateDwell(Duration.ofMillis(bulk.stateDwellMs()));
      }
      if (bulk.maxUploadBytes() != null) {
        b.maxUploadBytes(bulk.maxUploadBytes());
      }
    }
    return b.build();
  }

  void plugInto(DataApi data) {
    data.bulk(this);
  }

  List<BulkJobSummary> jobs() {
    return api.jobs();
  }

  void reset() {
    api.reset();
  }

  void close() {
    api.close();
  }

  // ------------------------------------------------------------- HTTP

  @Override
  public Reply handle(Call call, String apiVersion, String subPath) {
    call.describe("jobs/ingest", null, operation(call.method(), subPath));
    BulkResponse r =
        api.handle(
            call.method(),
            apiVersion,
            subPath,
            call.query(),
            call.header("Content-Type"),
            call.upload());
    call.object(objectOf(subPath, r));
    return new Reply(r.status(), r.contentType(), null, r.body());
  }

  /** The job's object, for the per-object API counters. */
  private String objectOf(String subPath, BulkResponse r) {
    String[] parts = subPath.split("/");
    if (parts.length > 1) {
      String jobId = parts[1];
      for (BulkJobSummary job : api.jobs()) {
        if (job.id().equals(jobId) || job.id().startsWith(jobId)) {
          return job.object();
        }
      }
      return null;
    }
    if (r.status() == 200
        && r.contentType() != null
        && r.contentType().startsWith("application/json")) {
      try {
        JsonNode object = Json.MAPPER.readTree(r.body()).get("object");
        return object != null && object.isTextual() ? object.asText() : null;
      } catch (java.io.IOException e) {
        return null;
      }
    }
    return null;
  }

  private static String operation(String method, String subPath) {
    String[] parts = subPath.split("/");
    String tail = parts.length > 2 ? parts[2] : "";
    return switch (method) {
      case "POST" -> "bulk.createJob";
      case "PUT" -> "bulk.upload";
      case "PATCH" -> "bulk.changeState";
      case "DELETE" -> "bulk.deleteJob";
      default ->
          tail.isEmpty() ? (parts.length > 1 ? "bulk.jobInfo" : "bulk.listJobs") : "bulk." + tail;
    };
  }

  // ------------------------------------------------------------- store

  @Override
  public Optional<String> canonicalObjectName(String name) {
    return core.schema().object(name).map(ObjectDef::name);
  }

  @Override
  public Optional<String> canonicalFieldName(String canonicalObject, String field) {
    Optional<ObjectDef> def = core.schema().object(canonicalObject);
    if (def.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> plain = def.get().field(field).map(FieldDef::name);
    return plain.isPresent()
        ? plain
        : FieldValues.relationshipColumn(core.schema(), def.get(), field);
  }

  @Override
  public String newId(String keyPrefix) {
    return core.ids().newId(keyPrefix);
  }

  @Override
  public String userId() {
    return core.currentUserId();
  }

  private interface Write {
    SaveOutcome run(ObjectDef def);
  }

  private BulkRowResult attempt(String object, String idForErrors, Write write) {
    try {
      ObjectDef def = core.objectOrThrow(object);
      Optional<String[]> injected = core.faults().pickRow(def.name());
      if (injected.isPresent()) {
        return BulkRowResult.failure(idForErrors, injected.get()[0], injected.get()[1], List.of());
      }
      SaveOutcome out = write.run(def);
      return BulkRowResult.success(out.id(), out.created());
    } catch (ApiException e) {
      ApiError err = e.first();
      if (err.errorCode().equals(ErrorCodes.NOT_FOUND)) {
        return BulkRowResult.failure(
            idForErrors,
            ErrorCodes.INVALID_CROSS_REFERENCE_KEY,
            "invalid cross reference id",
            List.of());
      }
      return BulkRowResult.failure(idForErrors, err.errorCode(), err.message(), err.fields());
    } catch (MultipleMatchesException e) {
      return BulkRowResult.failure(
          idForErrors,
          ErrorCodes.DUPLICATE_EXTERNAL_ID,
          "more than one record found for external id field: " + e.ids(),
          List.of());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected failure writing a bulk row", e);
      return BulkRowResult.failure(
          idForErrors, ErrorCodes.UNKNOWN_EXCEPTION, "An unexpected error occurred", List.of());
    }
  }

  private static WriteOptions options() {
    return WriteOptions.plain(EmulatorCore.API_VERSION_DEFAULT);
  }

  @Override
  public BulkRowResult insert(String object, Map<String, String> cells) {
    return attempt(
        object,
        null,
        def ->
            core.records().create(def, FieldValues.fromText(core.schema(), def, cells), options()));
  }

  @Override
  public BulkRowResult update(String object, String id, Map<String, String> cells) {
    return attempt(
        object,
        id,
        def -> {
          Map<String, String> rest = new LinkedHashMap<>(cells);
          rest.remove("Id");
          return core.records()
              .update(def, id, FieldValues.fromText(core.schema(), def, rest), options());
        });
  }

  @Override
  public BulkRowResult upsert(String object, String externalIdField, Map<String, String> cells) {
    return attempt(
        object,
        null,
        def -> {
          FieldDef ext =
              def.field(externalIdField)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              400,
                              ErrorCodes.INVALID_FIELD,
                              "Field name not found : " + externalIdField));
          String value = cells.get(ext.name());
          if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(
                "MISSING_ARGUMENT", ext.name() + " not specified", List.of());
          }
          Map<String, String> rest = new LinkedHashMap<>(cells);
          rest.remove(ext.name());
          return core.records()
              .upsert(def, ext, value, FieldValues.fromText(core.schema(), def, rest), options());
        });
  }

  @Override
  public BulkRowResult delete(String object, String id, boolean hardDelete) {
    return attempt(object, id, def -> core.records().delete(def, id, hardDelete, options()));
  }
}
