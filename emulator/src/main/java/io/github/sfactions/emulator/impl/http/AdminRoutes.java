package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Emulator administration under {@code /__emulator/}: records, stats, faults, reset, request log,
 * refresh tokens and session expiry. Not API calls; not logged.
 */
public final class AdminRoutes {
  private static final String P_INCLUDE_DELETED = "includeDeleted";
  private static final String P_LIMIT = "limit";
  private static final String F_USERNAME = "username";
  private static final String F_CLIENT_ID = "clientId";
  private final EmulatorCore core;
  private volatile Supplier<Object> bulkJobs = List::of;
  private volatile Runnable resetHook;

  public AdminRoutes(EmulatorCore core, Runnable resetHook) {
    this.core = core;
    this.resetHook = resetHook;
  }

  public void bulkJobs(Supplier<Object> jobs) {
    this.bulkJobs = jobs;
  }

  public Reply handle(Call call) {
    List<String> seg = call.segments();
    String what = seg.size() > 1 ? seg.get(1) : "";
    String m = call.method();
    try {
      return switch (what) {
        case "records" -> {
          if (seg.size() != 3) {
            throw ApiException.notFound();
          }
          yield m.equals("GET")
              ? records(seg.get(2), "true".equalsIgnoreCase(call.query(P_INCLUDE_DELETED)))
              : DataApi.methodNotAllowed(call, "GET");
        }
        case "stats" ->
            m.equals("GET")
                ? Reply.json(200, core.counters().snapshot())
                : DataApi.methodNotAllowed(call, "GET");
        case "faults" ->
            switch (m) {
              case "GET" -> Reply.json(200, core.faults().snapshot(core.counters().limit()));
              case "POST" -> {
                core.applyFaults(parse(call, EmulatorConfig.FaultSettings.class));
                yield Reply.json(200, core.faults().snapshot(core.counters().limit()));
              }
              case "DELETE" -> {
                core.faults().clear();
                yield Reply.json(200, core.faults().snapshot(core.counters().limit()));
              }
              default -> DataApi.methodNotAllowed(call, "GET", "POST", "DELETE");
            };
        case "reset" -> {
          if (!m.equals("POST")) {
            yield DataApi.methodNotAllowed(call, "POST");
          }
          resetHook.run();
          yield Reply.json(200, Map.of("reset", true));
        }
        case "requests" ->
            m.equals("GET") ? requests(call.query(P_LIMIT)) : DataApi.methodNotAllowed(call, "GET");
        case "refresh-token" ->
            m.equals("POST") ? refreshToken(call) : DataApi.methodNotAllowed(call, "POST");
        case "expire-sessions" -> {
          if (!m.equals("POST")) {
            yield DataApi.methodNotAllowed(call, "POST");
          }
          core.sessions().expireAll();
          yield Reply.json(200, Map.of("expired", true));
        }
        case "jobs" ->
            m.equals("GET")
                ? Reply.json(200, bulkJobs.get())
                : DataApi.methodNotAllowed(call, "GET");
        default -> throw ApiException.notFound();
      };
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_INPUT", e.getMessage(), List.of());
    }
  }

  private <T> T parse(Call call, Class<T> type) {
    Json.parse(call.body());
    try {
      return Json.MAPPER.readValue(call.body(), type);
    } catch (java.io.IOException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw ApiException.badRequest(ErrorCodes.JSON_PARSER_ERROR, msg, List.of());
    }
  }

  private Reply records(String object, boolean includeDeleted) {
    ObjectDef def = core.schema().object(object).orElseThrow(ApiException::notFound);
    ObjectTable table = core.store().table(def.name());
    return Reply.json(200, includeDeleted ? table.all() : table.live());
  }

  private Reply requests(String limitParam) {
    List<RecordedRequest> all = core.requestLog().snapshot();
    int limit = all.size();
    if (limitParam != null) {
      try {
        limit = Math.max(0, Integer.parseInt(limitParam));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a number");
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (RecordedRequest r : all.subList(Math.max(0, all.size() - limit), all.size())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", r.at().toString());
      m.put("method", r.method());
      m.put("path", r.path());
      m.put("query", r.query());
      m.put("headers", r.headers());
      m.put("body", r.body());
      m.put("status", r.status());
      out.add(m);
    }
    return Reply.json(200, out);
  }

  private Reply refreshToken(Call call) {
    Map<?, ?> body = call.body().length == 0 ? Map.of() : parse(call, Map.class);
    Object username = body.get(F_USERNAME);
    Object clientId = body.get(F_CLIENT_ID);
    String token =
        core.tokens()
            .issueRefreshToken(
                username == null ? EmulatorCore.Demo.USERNAME : username.toString(),
                clientId == null ? null : clientId.toString());
    return Reply.json(200, Map.of("refresh_token", token));
  }
}
