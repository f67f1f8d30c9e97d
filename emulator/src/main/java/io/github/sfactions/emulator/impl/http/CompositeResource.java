package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.Headers;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.store.UndoLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /composite} (subrequests with {@code @{ref.path}} references and allOrNone), {@code
 * /composite/batch} (independent subrequests, haltOnError), {@code /composite/tree/{SObject}} (see
 * {@link TreeResource}) and {@code /composite/sobjects} (sObject Collections). Subrequests run
 * through the same resources as direct calls; the whole request counts as one API call.
 */
final class CompositeResource {
  static final int MAX_SUBREQUESTS = 25;
  static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
  static final String PROCESSING_HALTED = "PROCESSING_HALTED";
  static final String BATCH_PROCESSING_HALTED = "BATCH_PROCESSING_HALTED";
  static final String INVALID_INPUT = "INVALID_INPUT";
  private static final String ROLLED_BACK =
      "The transaction was rolled back since another operation in the same transaction failed.";
  private static final Pattern REFERENCE =
      Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)}");
  private static final Pattern PATH_STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
  private static final Pattern SERVICE_URL = Pattern.compile("/services/data/v(\\d+\\.0)(/.*)?");
  private static final Pattern BATCH_URL = Pattern.compile("/?v(\\d+\\.0)(/.*)?");

  /** Headers a subrequest inherits from the top-level request and must not set itself. */
  private static final Set<String> INHERITED_HEADERS =
      Set.of("accept", "authorization", "content-type");

  private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

  private final EmulatorCore core;
  private final DataApi data;
  private final CollectionsResource collections;
  private final TreeResource tree;

  CompositeResource(EmulatorCore core, DataApi data, CollectionsResource collections) {
    this.core = core;
    this.data = data;
    this.collections = collections;
    this.tree = new TreeResource(core);
  }

  Reply handle(Call call, String version, List<String> seg) {
    if (seg.isEmpty()) {
      call.describe("composite", null, "composite");
      return call.method().equals("POST")
          ? composite(call, version)
          : DataApi.methodNotAllowed(call, "POST");
    }
    return switch (seg.get(0)) {
      case "sobjects" -> collections.handle(call, version, seg);
      case "batch" -> {
        call.describe("composite/batch", null, "batch");
        yield seg.size() == 1 && call.method().equals("POST")
            ? batch(call, version)
            : seg.size() == 1 ? DataApi.methodNotAllowed(call, "POST") : notFound();
      }
      case "tree" -> {
        if (seg.size() != 2) {
          yield notFound();
        }
        call.describe("composite/tree", seg.get(1), "tree");
        yield call.method().equals("POST")
            ? tree.handle(call, version, seg.get(1))
            : DataApi.methodNotAllowed(call, "POST");
      }
      default -> notFound();
    };
  }

  private static Reply notFound() {
    throw ApiException.notFound();
  }

  // ------------------------------------------------------------------ /composite

  private record Sub(
      String method, String url, String referenceId, JsonNode body, Map<String, String> headers) {}

  private Reply composite(Call call, String version) {
    JsonNode root = Json.parse(call.body());
    JsonNode requests = subrequests(root, "compositeRequest");
    boolean allOrNone = root.path("allOrNone").asBoolean(false);
    List<Sub> subs = new ArrayList<>();
    Set<String> refIds = new java.util.HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      Sub s = sub(requests.get(i), i, true);
      if (!refIds.add(s.referenceId())) {
        throw invalid(
            "Duplicate referenceId '" + s.referenceId() + "' in compositeRequest[" + i + "]");
      }
      subs.add(s);
    }
    UndoLog undo = allOrNone ? new UndoLog() : null;
    Map<String, JsonNode> results = new HashMap<>();
    List<Map<String, Object>> out = new ArrayList<>();
    boolean halted = false;
    for (Sub s : subs) {
      if (halted) {
        out.add(result(s.referenceId(), 400, Map.of(), haltedBody(ROLLED_BACK)));
        continue;
      }
      Reply reply;
      try {
        String url = resolve(s.url(), results, true);
        JsonNode body = s.body() == null ? null : resolveBody(s.body(), results);
        reply = run(call, s.method(), url, body, s.headers(), undo, SERVICE_URL);
      } catch (UnresolvedReference e) {
        reply = Reply.json(400, haltedBody(e.getMessage()));
      } catch (ApiException e) {
        reply = Reply.errors(e);
      }
      JsonNode body = bodyOf(reply);
      out.add(result(s.referenceId(), reply.status(), responseHeaders(reply), body));
      if (reply.status() < 400) {
        results.put(s.referenceId(), body);
      } else if (allOrNone) {
        halted = true;
      }
    }
    if (halted) {
      undo.rollback();
      core.store().changed();
      for (int i = 0; i < out.size(); i++) {
        if ((int) out.get(i).get("httpStatusCode") < 400) {
          out.set(i, result(subs.get(i).referenceId(), 400, Map.of(), haltedBody(ROLLED_BACK)));
        }
      }
    }
    return Reply.json(200, Map.of("compositeResponse", out));
  }

  private static Map<String, Object> result(
      String referenceId, int status, Map<String, String> headers, Object body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("body", body);
    m.put("httpHeaders", headers);
    m.put("httpStatusCode", status);
    m.put("referenceId", referenceId);
    return m;
  }

  private static List<Map<String, Object>> haltedBody(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("errorCode", PROCESSING_HALTED);
    m.put("message", message);
    return List.of(m);
  }

  private Sub sub(JsonNode n, int i, boolean needsReference) {
    String where = (needsReference ? "compositeRequest[" : "batchRequests[") + i + "]";
    if (n == null || !n.isObject()) {
      throw invalid(where + " must be an object");
    }
    String method = n.path("method").asText("");
    if (!METHODS.contains(method)) {
      throw invalid(
          where
              + ".method must be one of GET, POST, PATCH, PUT, DELETE (case-sensitive), not '"
              + method
              + "'");
    }
    String url = n.path("url").asText("");
    if (url.isEmpty()) {
      throw invalid(where + ".url is required");
    }
    String ref = n.path("referenceId").asText("");
    if (needsReference && !ref.matches("[A-Za-z0-9_]+")) {
      throw invalid(where + ".referenceId is required: letters, digits and underscores");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = n.get("httpHeaders");
    if (h != null && h.isObject()) {
      for (var it = h.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (INHERITED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
          throw invalid(
              where
                  + ".httpHeaders must not set "
                  + e.getKey()
                  + "; subrequests inherit it from the top-level request");
        }
        headers.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode body = n.has("body") ? n.get("body") : n.get("richInput");
    return new Sub(method, url, ref, body == null || body.isNull() ? null : body, headers);
  }

  /** The subrequest array: required, not empty, at most {@link #MAX_SUBREQUESTS}. */
  private static JsonNode subrequests(JsonNode root, String member) {
    JsonNode requests = root.get(member);
    if (requests == null || !requests.isArray() || requests.isEmpty()) {
      throw invalid(member + " is required and must be a non-empty array");
    }
    if (requests.size() > MAX_SUBREQUESTS) {
      throw new ApiException(
          400,
          LIMIT_EXCEEDED,
          "Limit Exceeded: the maximum number of subrequests is "
              + MAX_SUBREQUESTS
              + "; this request has "
              + requests.size());
    }
    return requests;
  }

  private static ApiException invalid(String message) {
    return new ApiException(400, INVALID_INPUT, message);
  }

  // ------------------------------------------------------------------ /composite/batch

  private Reply batch(Call call, String version) {
    JsonNode root = Json.parse(call.body());
    JsonNode requests = subrequests(root, "batchRequests");
    boolean haltOnError = root.path("haltOnError").asBoolean(false);
    List<Sub> subs = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      subs.add(sub(requests.get(i), i, false));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    boolean hasErrors = false;
    for (Sub s : subs) {
      Map<String, Object> r = new LinkedHashMap<>();
      if (hasErrors && haltOnError) {
        r.put("statusCode", 412);
        r.put(
            "result",
            List.of(
                Map.of(
                    "errorCode",
                    BATCH_PROCESSING_HALTED,
                    "message",
                    "Batch processing halted per request")));
        results.add(r);
        continue;
      }
      Reply reply;
      try {
        reply = run(call, s.method(), s.url(), s.body(), s.headers(), null, BATCH_URL);
      } catch (ApiException e) {
        reply = Reply.errors(e);
      }
      r.put("statusCode", reply.status());
      r.put("result", bodyOf(reply));
      results.add(r);
      hasErrors |= reply.status() >= 400;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hasErrors", hasErrors);
    out.put("results", results);
    return Reply.json(200, out);
  }

  // ------------------------------------------------------------------ running subrequests

  private Reply run(
      Call parent,
      String method,
      String url,
      JsonNode body,
      Map<String, String> headers,
      UndoLog undo,
      Pattern urlForm) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? null : url.substring(q + 1);
    Matcher m = urlForm.matcher(path);
    if (!m.matches()) {
      throw new ApiException(
          400,
          INVALID_INPUT,
          "Subrequest url must be "
              + (urlForm == SERVICE_URL ? "/services/data/vXX.X/..." : "vXX.X/...")
              + ": "
              + url);
    }
    int v = (int) Double.parseDouble(m.group(1));
    if (v < EmulatorCore.MIN_VERSION || v > EmulatorCore.MAX_VERSION) {
      throw ApiException.notFound();
    }
    List<String> rest = Call.segments(m.group(2) == null ? "" : m.group(2));
    if (!rest.isEmpty()
        && (rest.get(0).equals("jobs")
            || rest.get(0).equals("composite")
                && !(rest.size() > 1 && rest.get(1).equals("sobjects")))) {
      throw new ApiException(
          400, INVALID_INPUT, "Resource not supported in a composite subrequest: " + path);
    }
    Headers h = new Headers();
    parent.headers().forEach((k, vals) -> h.put(k, new ArrayList<>(vals)));
    headers.forEach(h::set);
    byte[] bytes = body == null ? new byte[0] : Json.write(body);
    if (body != null) {
      h.set("Content-Type", Reply.JSON);
    }
    Call sub =
        new Call(
            method,
            "/services/data/v" + m.group(1) + (m.group(2) == null ? "" : m.group(2)),
            query,
            h,
            bytes);
    sub.secure(parent.secure());
    sub.undo(undo);
    try {
      return data.route(sub, m.group(1), rest);
    } catch (ApiException e) {
      return Reply.errors(e);
    }
  }

  private static JsonNode bodyOf(Reply reply) {
    if (reply.body().length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(reply.body());
    } catch (java.io.IOException e) {
      return TextNode.valueOf(new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> responseHeaders(Reply reply) {
    Map<String, String> h = new LinkedHashMap<>(reply.headers());
    h.remove("Sforce-Limit-Info");
    return h;
  }

  // ------------------------------------------------------------------ references

  /** A reference to a subrequest that failed, has not run, or has no such value. */
  private static final class UnresolvedReference extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnresolvedReference(String message) {
      super(message, null, false, false);
    }
  }

  private static String resolve(String text, Map<String, JsonNode> results, boolean inUrl) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      JsonNode value = lookup(m.group(1), m.group(2), results);
      String s = value.isValueNode() ? value.asText() : value.toString();
      m.appendReplacement(
          sb,
          Matcher.quoteReplacement(
              inUrl
                  ? java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                      .replace("+", "%20")
                  : s));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static JsonNode resolveBody(JsonNode node, Map<String, JsonNode> results) {
    if (node.isTextual()) {
      String t = node.asText();
      Matcher whole = REFERENCE.matcher(t);
      if (whole.matches()) {
        // A value that is only a reference keeps the referenced JSON type (number, boolean,
        // object).
        return lookup(whole.group(1), whole.group(2), results).deepCopy();
      }
      return TextNode.valueOf(resolve(t, results, false));
    }
    if (node.isObject()) {
      ObjectNode copy = Json.MAPPER.createObjectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), resolveBody(e.getValue(), results)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      node.forEach(n -> copy.add(resolveBody(n, results)));
      return copy;
    }
    return node;
  }

  private static JsonNode lookup(String refId, String path, Map<String, JsonNode> results) {
    JsonNode cur = results.get(refId);
    String full = refId + path;
    if (cur == null) {
      throw new UnresolvedReference(
          "Invalid reference specified. No value for "
              + full
              + " found in "
              + refId
              + ". Provided referenceId ('"
              + refId
              + "') must match a referenceId of a previous successful"
              + " subrequest.");
    }
    Matcher step = PATH_STEP.matcher(path);
    while (step.find()) {
      cur =
          step.group(1) != null ? cur.get(step.group(1)) : cur.get(Integer.parseInt(step.group(2)));
      if (cur == null || cur.isNull()) {
        throw new UnresolvedReference(
            "Invalid reference specified. No value for " + full + " found in " + refId);
      }
    }
    return cur;
  }
}
