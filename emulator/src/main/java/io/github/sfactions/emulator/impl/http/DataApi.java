package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.auth.SessionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /services/data/...}: the versions list (no auth, not counted), then for {@code
 * /services/data/vXX.X/...} version check, session check, daily limit, counting, injected faults,
 * and the resource.
 */
public final class DataApi {
  private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.0");
  private static final String LIMIT_HEADER = "Sforce-Limit-Info";
  private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

  private final EmulatorCore core;
  private final SObjectResource sobjects;
  private final CollectionsResource collections;
  private final QueryResource query;
  private final DescribeResource describe;
  private final CompositeResource composite;
  private final QueryJobsResource queryJobs;
  private volatile BulkEndpoint bulk;

  /** Bulk API 2.0 ingest handler, plugged in by the emulator. */
  @FunctionalInterface
  public interface BulkEndpoint {
    Reply handle(Call call, String apiVersion, String subPath);
  }

  public DataApi(EmulatorCore core) {
    this.core = core;
    this.describe = new DescribeResource(core);
    this.sobjects = new SObjectResource(core, describe);
    this.collections = new CollectionsResource(core);
    this.query = new QueryResource(core);
    this.composite = new CompositeResource(core, this, collections);
    this.queryJobs = new QueryJobsResource(core);
  }

  /** Drops every Bulk API 2.0 query job (emulator reset). */
  public void resetQueryJobs() {
    queryJobs.reset();
  }

  public void bulk(BulkEndpoint endpoint) {
    this.bulk = endpoint;
  }

  static boolean isVersionsList(String path) {
    return path.equals("/services/data") || path.equals("/services/data/");
  }

  /** Bulk uploads are streamed to the bulk handler instead of being buffered. */
  boolean isStreamingUpload(String method, String rawPath) {
    return "PUT".equals(method)
        && rawPath.startsWith("/services/data/v")
        && rawPath.contains("/jobs/ingest/")
        && rawPath.replaceAll("/+$", "").endsWith("/batches");
  }

  public Reply handle(Call call) {
    if (isVersionsList(call.path())) {
      return call.method().equals("GET")
          ? Reply.json(200, versions())
          : methodNotAllowed(call, "GET");
    }
    List<String> seg = call.segments();
    Matcher m = VERSION.matcher(seg.size() > 2 ? seg.get(2) : "");
    if (!m.matches()) {
      throw ApiException.notFound();
    }
    int v = Integer.parseInt(m.group(1));
    if (v < EmulatorCore.MIN_VERSION || v > EmulatorCore.MAX_VERSION) {
      throw ApiException.notFound();
    }
    String version = v + ".0";
    Optional<SessionStore.Session> session = core.sessions().validate(bearer(call));
    if (session.isEmpty()) {
      return invalidSession();
    }
    core.runAs(session.get().userId());
    if (!core.counters().tryAcquire()) {
      return limitExceeded();
    }
    List<String> rest = seg.subList(3, seg.size());
    Reply reply;
    try {
      reply = dispatch(call, version, rest);
    } catch (ApiException e) {
      reply = Reply.errors(e);
    } finally {
      core.counters().record(call.endpoint(), call.object(), call.operation());
    }
    return reply.withHeader(LIMIT_HEADER, core.counters().limitInfo());
  }

  private Reply dispatch(Call call, String version, List<String> rest) {
    String first = rest.isEmpty() ? "" : rest.get(0);
    String objectHint = objectHint(rest);
    Optional<Reply> fault =
        core.faults().pick(call.method(), call.path(), objectHint).map(FaultReplies::of);
    if (fault.isPresent()) {
      call.describe(first.isEmpty() ? "resources" : first, objectHint, "fault");
      return fault.get();
    }
    Reply reply;
    try {
      reply = route(call, version, rest);
    } catch (ApiException e) {
      reply = Reply.errors(e);
    }
    return FaultReplies.afterProcessing(core, call.method(), call.path(), objectHint, false)
        .orElse(reply);
  }

  /**
   * The resource a path names; also runs composite subrequests (no session check, counting or
   * faults of their own).
   */
  Reply route(Call call, String version, List<String> rest) {
    String first = rest.isEmpty() ? "" : rest.get(0);
    return switch (first) {
      case "" -> {
        call.describe("resources", null, "resources");
        yield call.method().equals("GET")
            ? Reply.json(200, resources(version, call.secure()))
            : methodNotAllowed(call, "GET");
      }
      case "sobjects" -> sobjects.handle(call, version, rest.subList(1, rest.size()));
      case "query", "queryAll" ->
          query.handle(call, version, first.equals("queryAll"), rest.subList(1, rest.size()));
      case "composite" -> composite.handle(call, version, rest.subList(1, rest.size()));
      case "limits" -> {
        call.describe("limits", null, "limits");
        yield call.method().equals("GET")
            ? Reply.json(200, limits())
            : methodNotAllowed(call, "GET");
      }
      case "jobs" -> {
        if (rest.size() >= 2 && rest.get(1).equals("query")) {
          yield queryJobs.handle(call, version, rest.subList(2, rest.size()));
        }
        call.describe("jobs/ingest", null, "bulk");
        BulkEndpoint b = bulk;
        if (b == null || rest.size() < 2 || !rest.get(1).equals("ingest")) {
          throw ApiException.notFound();
        }
        String sub = rest.size() > 2 ? "/" + String.join("/", rest.subList(2, rest.size())) : "";
        yield b.handle(call, version, sub);
      }
      default -> throw ApiException.notFound();
    };
  }

  private static String objectHint(List<String> rest) {
    if (rest.size() >= 2 && rest.get(0).equals("sobjects")) {
      return rest.get(1);
    }
    if (rest.size() >= 3 && rest.get(0).equals("composite") && rest.get(1).equals("sobjects")) {
      return rest.get(2);
    }
    return null;
  }

  /** The access token from {@code Authorization: Bearer ...} or {@code OAuth ...}. */
  static String bearer(Call call) {
    String h = call.header("Authorization");
    if (h == null) {
      return null;
    }
    String v = h.trim();
    if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return v.substring(7).trim();
    }
    if (v.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return v.substring(6).trim();
    }
    return null;
  }

  static Reply invalidSession() {
    return Reply.error(401, ErrorCodes.INVALID_SESSION_ID, "Session expired or invalid")
        .withHeader("WWW-Authenticate", "Token");
  }

  static Reply limitExceeded() {
    return Reply.error(403, ErrorCodes.REQUEST_LIMIT_EXCEEDED, "TotalRequests Limit exceeded.");
  }

  /** 405 with Salesforce's wording and an Allow header. */
  static Reply methodNotAllowed(Call call, String... allowed) {
    String list = String.join(",", allowed);
    return Reply.error(
            405,
            ErrorCodes.METHOD_NOT_ALLOWED,
            "HTTP Method '" + call.method() + "' not allowed. Allowed are " + list)
        .withHeader("Allow", list);
  }

  static List<Map<String, Object>> versions() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int v = EmulatorCore.MIN_VERSION; v <= EmulatorCore.MAX_VERSION; v++) {
      int i = v - 50;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", SEASONS[i % 3] + " '" + (21 + i / 3));
      m.put("url", "/services/data/v" + v + ".0");
      m.put("version", v + ".0");
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> resources(String version, boolean secure) {
    String base = "/services/data/v" + version;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sobjects", base + "/sobjects");
    m.put("query", base + "/query");
    m.put("queryAll", base + "/queryAll");
    m.put("composite", base + "/composite");
    m.put("limits", base + "/limits");
    m.put("jobs", base + "/jobs");
    m.put("identity", core.tokens().identityUrl(core.currentUserId(), core.endpoints(secure)));
    return m;
  }

  private Map<String, Object> limits() {
    long max = core.counters().limit();
    long used = core.counters().used();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("DailyApiRequests", limit(max, Math.max(0, max - used)));
    m.put("DailyBulkApiBatches", limit(15000, 15000));
    m.put("DailyBulkV2QueryFileStorageMB", limit(976562, 976562));
    m.put("DailyBulkV2QueryJobs", limit(10000, 10000));
    m.put("DataStorageMB", limit(5, 5));
    m.put("FileStorageMB", limit(20, 20));
    m.put("ConcurrentSyncReportRuns", limit(20, 20));
    return m;
  }

  private static Map<String, Object> limit(long max, long remaining) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Max", max);
    m.put("Remaining", remaining);
    return m;
  }
}
