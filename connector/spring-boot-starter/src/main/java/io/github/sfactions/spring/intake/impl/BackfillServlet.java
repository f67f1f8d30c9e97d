package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.bpmn.bulk.BackfillLoadException;
import io.github.sfactions.bpmn.bulk.BackfillResult;
import io.github.sfactions.bpmn.bulk.BackfillSummary;
import io.github.sfactions.bpmn.bulk.BackfillTarget;
import io.github.sfactions.bpmn.bulk.BulkBackfill;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.client.BulkOperation;
import io.github.sfactions.spring.intake.InvalidEventException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The back-fill endpoints of the intake, beside its event endpoints and behind the same write key:
 *
 * <ul>
 *   <li>{@code POST {path}/backfill?object=Lead&operation=upsert&externalIdField=Ext__c
 *       [&connection=default][&name=leads-2024.jsonl]}: the body is JSON lines, one flat record per
 *       line, loaded into the durable bulk queue as it arrives ({@link BulkBackfill}; never held
 *       whole). Answers the back-fill's id and counts once the body is read: lines, queued,
 *       rejected, with the first rejected lines, their numbers and reasons.
 *   <li>{@code GET {path}/backfill/{id}}: where it stands (created, updated, failed, pending,
 *       done).
 *   <li>{@code GET {path}/backfill/{id}/failed}: the records Salesforce rejected, one JSON line
 *       each (line, fields, errorCode, error, jobId), streamed.
 * </ul>
 *
 * <p>A line that is not a record (malformed JSON, not a flat object, no upsert key, longer than the
 * intake's largest event) is counted and listed as rejected while loading goes on. A request the
 * back-fill cannot start from (bad query parameters, an unknown connection) is answered 400 naming
 * the problem; 401 without the write key; 400/408 for a body that broke off, naming the back-fill
 * and how many records it kept; 500 when the database failed.
 */
public final class BackfillServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> PARAMETERS =
      Set.of("object", "operation", "externalIdField", "connection", "name");
  // back-fill ids are UUIDs: anything else cannot name one (and is never echoed into SQL)
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

  private final transient BulkBackfill backfill;
  private final transient WriteKeyAuthenticator authenticator;
  private final transient SalesforceConnections connections;
  private final int maxLineBytes;

  /**
   * The endpoints of these back-fills, behind this write key; a line may have at most {@code
   * maxLineBytes} (the intake's largest event).
   */
  public BackfillServlet(
      BulkBackfill backfill,
      WriteKeyAuthenticator authenticator,
      SalesforceConnections connections,
      long maxLineBytes) {
    this.backfill = backfill;
    this.authenticator = authenticator;
    this.connections = connections;
    this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, maxLineBytes);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<String> path = path(request);
    boolean load = path.isEmpty();
    boolean summary = path.size() == 1;
    boolean failed = path.size() == 2 && path.get(1).equals("failed");
    if (!(load || summary || failed) || (!load && !ID.matcher(path.get(0)).matches())) {
      JsonAnswer.send(
          response,
          404,
          JsonAnswer.error(
              "No such endpoint: POST /backfill, GET /backfill/{id} or GET /backfill/{id}/failed"));
      return;
    }
    String method = load ? "POST" : "GET";
    if (!method.equals(request.getMethod())) {
      response.setHeader("Allow", method);
      JsonAnswer.send(
          response,
          405,
          JsonAnswer.error("Method " + request.getMethod() + " is not allowed: use " + method));
      return;
    }
    if (!authenticator.accepts(request.getHeader("Authorization"))) {
      JsonAnswer.unauthorized(response);
      return;
    }
    try {
      if (load) {
        load(request, response);
      } else if (summary) {
        summary(path.get(0), response);
      } else {
        failed(path.get(0), response);
      }
    } catch (InvalidEventException e) {
      // after a failed body read the container shows its error page instead: IntakeErrorFilter
      // answers with this
      request.setAttribute(IntakeErrorFilter.MESSAGE, e.getMessage());
      JsonAnswer.send(response, e.status(), JsonAnswer.error(e.getMessage()));
    } catch (RuntimeException e) {
      IntakeLogger.backfillFailed(request.getMethod() + " " + request.getRequestURI(), e);
      if (!response.isCommitted()) {
        JsonAnswer.send(
            response,
            500,
            JsonAnswer.error(
                "The back-fill request failed ("
                    + e.getClass().getSimpleName()
                    + "); retry later"));
      }
    }
  }

  private void load(HttpServletRequest request, HttpServletResponse response) throws IOException {
    BackfillTarget target = target(query(request));
    BackfillResult result;
    try (InputStream in = RequestBody.open(request)) {
      result = backfill.load(target, in, maxLineBytes);
    } catch (BackfillLoadException e) {
      String kept =
          "; back-fill "
              + e.backfillId()
              + " keeps the "
              + e.queued()
              + " records queued before (GET .../backfill/"
              + e.backfillId()
              + ")";
      if (e.unreadable() && e.getCause().getCause() instanceof IOException cause) {
        InvalidEventException answer = RequestBody.unreadable(cause, request);
        throw new InvalidEventException(
            answer.status(), answer.reason(), answer.getMessage() + kept);
      }
      IntakeLogger.backfillFailed("back-fill " + e.backfillId() + " stopped loading", e);
      JsonAnswer.send(
          response,
          500,
          JsonAnswer.error(
              "The back-fill could not be stored ("
                  + e.getCause().getClass().getSimpleName()
                  + ")"
                  + kept));
      return;
    } catch (UncheckedIOException e) {
      throw RequestBody.unreadable(e.getCause(), request);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("backfillId", result.backfillId());
    body.put("lines", result.lines());
    body.put("queued", result.queued());
    body.put("rejected", result.rejected());
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (BackfillResult.RejectedLine line : result.rejectedLines()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("line", line.line());
      item.put("reason", line.reason());
      rejected.add(item);
    }
    body.put("rejectedLines", rejected);
    JsonAnswer.send(response, 200, body);
  }

  /** The back-fill's target from the query, or a 400 naming what is wrong. */
  private BackfillTarget target(Map<String, String> query) {
    String object = query.get("object");
    if (object == null || object.isBlank()) {
      throw InvalidEventException.badRequest(
          "Query parameter object is required: the object's API name, e.g. ?object=Lead");
    }
    String operationName = query.get("operation");
    BulkOperation operation =
        operationName == null
            ? null
            : switch (operationName.toLowerCase(Locale.ROOT)) {
              case "insert" -> BulkOperation.INSERT;
              case "update" -> BulkOperation.UPDATE;
              case "upsert" -> BulkOperation.UPSERT;
              default -> null;
            };
    if (operation == null) {
      throw InvalidEventException.badRequest(
          "Query parameter operation must be insert, update or upsert"
              + (operationName == null ? "" : ", not '" + operationName + "'"));
    }
    String externalIdField = query.get("externalIdField");
    if (operation == BulkOperation.UPSERT
        && (externalIdField == null || externalIdField.isBlank())) {
      throw InvalidEventException.badRequest(
          "An upsert needs query parameter externalIdField: the external id field every record"
              + " holds, e.g. &externalIdField=Ext__c");
    }
    if (operation != BulkOperation.UPSERT && externalIdField != null) {
      throw InvalidEventException.badRequest(
          "Query parameter externalIdField is only for operation=upsert (an "
              + operationName
              + " finds its records by "
              + (operation == BulkOperation.UPDATE ? "Id" : "nothing: it creates them")
              + ")");
    }
    String connection = query.getOrDefault("connection", SalesforceConnections.DEFAULT_CONNECTION);
    if (!connections.contains(connection)) {
      throw InvalidEventException.badRequest(
          "Unknown connection '"
              + connection
              + "': configured are "
              + connections.names().stream().sorted().toList());
    }
    String name =
        query.getOrDefault(
            "name", "POST /backfill " + object + " " + operationName + " " + Instant.now());
    try {
      return new BackfillTarget(name, connection, object, operation, externalIdField);
    } catch (IllegalArgumentException e) {
      // object or field names that are not API names
      throw InvalidEventException.badRequest(e.getMessage());
    }
  }

  private void summary(String id, HttpServletResponse response) throws IOException {
    Optional<BackfillSummary> found = backfill.summary(id);
    if (found.isEmpty()) {
      JsonAnswer.send(response, 404, JsonAnswer.error("No back-fill " + id));
      return;
    }
    BackfillSummary s = found.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("backfillId", s.backfillId());
    body.put("name", s.name());
    body.put("connection", s.connection());
    body.put("object", s.sobject());
    body.put("operation", s.operation().apiValue());
    body.put("externalIdField", s.externalIdField());
    body.put("started", s.started().toString());
    body.put("loaded", s.loaded() == null ? null : s.loaded().toString());
    body.put("lines", s.lines());
    body.put("queued", s.queued());
    body.put("rejected", s.rejected());
    body.put("created", s.created());
    body.put("updated", s.updated());
    body.put("failed", s.failed());
    body.put("pending", s.pending());
    body.put("done", s.done());
    JsonAnswer.send(response, 200, body);
  }

  private void failed(String id, HttpServletResponse response) throws IOException {
    if (backfill.summary(id).isEmpty()) {
      JsonAnswer.send(response, 404, JsonAnswer.error("No back-fill " + id));
      return;
    }
    response.setStatus(200);
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding("UTF-8");
    PrintWriter out = response.getWriter();
    try {
      backfill.failedRecords(
          id,
          r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", r.line());
            line.put("fields", r.fields());
            line.put("errorCode", r.errorCode());
            line.put("error", r.error());
            line.put("jobId", r.jobId());
            try {
              out.println(MAPPER.writeValueAsString(line));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } finally {
      out.flush();
    }
  }

  /** The query string's parameters, each at most once, all of them known. */
  private static Map<String, String> query(HttpServletRequest request) {
    // never request.getParameter: for a form content type it would read the body, which is the
    // back-fill's
    Map<String, String> query = new LinkedHashMap<>();
    String raw = request.getQueryString();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key;
      String value;
      try {
        key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw InvalidEventException.badRequest(
            "The query string is not URL-encoded: " + e.getMessage());
      }
      if (!PARAMETERS.contains(key)) {
        throw InvalidEventException.badRequest(
            "Unknown query parameter '"
                + key
                + "': use object, operation, externalIdField, connection, name");
      }
      if (query.put(key, value) != null) {
        throw InvalidEventException.badRequest("Query parameter " + key + " is given twice");
      }
    }
    return query;
  }

  private static List<String> path(HttpServletRequest request) {
    List<String> parts = new ArrayList<>();
    for (String part : Optional.ofNullable(request.getPathInfo()).orElse("").split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
