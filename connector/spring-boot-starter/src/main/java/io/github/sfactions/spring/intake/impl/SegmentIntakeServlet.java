package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.spring.intake.EventReplay;
import io.github.sfactions.spring.intake.EventType;
import io.github.sfactions.spring.intake.IntakeMetrics;
import io.github.sfactions.spring.intake.IntakeResult;
import io.github.sfactions.spring.intake.InvalidEventException;
import io.github.sfactions.spring.intake.InvalidEventException.Reason;
import io.github.sfactions.spring.intake.ReplayProgress;
import io.github.sfactions.spring.intake.SegmentEventIntake;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of the intake, compatible with Segment's HTTP Tracking API: {@code POST /identify},
 * {@code /track}, {@code /page}, {@code /screen}, {@code /group}, {@code /alias} (one event),
 * {@code /batch} and {@code /import} (several), plus {@code /replay} (a JSON-lines back-fill,
 * answered with streamed progress lines).
 *
 * <p>Answers, all JSON: 200 {@code {"success":true,...}} once the started instances are committed
 * (a batch's invalid events counted and listed in it); 401 without the write key; 400 for malformed
 * JSON, a JSON limit or an invalid single event, naming the problem and where; 408/400 for a body
 * that did not arrive in time or ended early; 413 beyond the size limits; 415 for an unsupported
 * content encoding; 404/405 for other paths and methods; 500 when the engine could not store the
 * events (nothing was stored, the sender should retry).
 */
public final class SegmentIntakeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String REPLAY = "replay";
  private static final String BATCH = "batch";

  /** At most this many invalid events of a batch are listed in the answer (all are counted). */
  public static final int MAX_REJECTED_LISTED = 100;

  private final transient SegmentEventIntake intake;
  private final transient EventReplay replay;
  private final transient WriteKeyAuthenticator authenticator;
  private final transient IntakeMetrics metrics;
  private final transient IntakeJson json;
  private final long maxEventBytes;
  private final long maxBatchBytes;

  /** A servlet in front of this intake. */
  public SegmentIntakeServlet(
      SegmentEventIntake intake,
      EventReplay replay,
      WriteKeyAuthenticator authenticator,
      IntakeMetrics metrics,
      long maxEventBytes,
      long maxBatchBytes) {
    this.intake = intake;
    this.replay = replay;
    this.authenticator = authenticator;
    this.metrics = metrics;
    this.maxEventBytes = maxEventBytes;
    this.maxBatchBytes = maxBatchBytes;
    this.json = new IntakeJson(maxEventBytes);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String endpoint = endpoint(request);
    boolean known =
        endpoint.equals(BATCH)
            || endpoint.equals("import")
            || endpoint.equals(REPLAY)
            || EventType.fromWireName(endpoint).isPresent();
    if (!known) {
      answer(
          response,
          404,
          error(
              "No such endpoint: POST one of /identify, /track, /page, /screen, /group, "
                  + "/alias, /batch, /import, /replay"));
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      answer(response, 405, error("Method " + request.getMethod() + " is not allowed: use POST"));
      return;
    }
    if (!authenticator.accepts(request.getHeader("Authorization"))) {
      JsonAnswer.unauthorized(response);
      return;
    }
    boolean single =
        !endpoint.equals(BATCH) && !endpoint.equals("import") && !endpoint.equals(REPLAY);
    try {
      if (endpoint.equals(REPLAY)) {
        replay(request, response);
      } else if (single) {
        ObjectNode event =
            EventNormalizer.normalize(
                json.parse(read(request, maxEventBytes, "The event")),
                EventType.fromWireName(endpoint).orElseThrow(),
                "The event",
                Instant.now());
        answer(response, 200, accepted(1, intake.accept(List.of(event)), null, 0));
      } else {
        batch(request, response);
      }
    } catch (InvalidEventException e) {
      // after a failed body read the container shows its error page instead: IntakeErrorFilter
      // answers with this
      request.setAttribute(IntakeErrorFilter.MESSAGE, e.getMessage());
      metrics.rejected(1);
      if (single) {
        metrics.invalid(e.reason(), 1);
      }
      answer(response, e.status(), error(e.getMessage()));
    } catch (RuntimeException e) {
      IntakeLogger.notStored(e);
      answer(
          response,
          500,
          error(
              "The events could not be stored ("
                  + e.getClass().getSimpleName()
                  + "); nothing was started, retry later"));
    }
  }

  /**
   * Each event of a batch is judged on its own, as Segment's API does: the valid ones are started
   * (in one transaction), the invalid ones are counted and listed in the 200 answer.
   */
  private void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonNode body = json.parse(read(request, maxBatchBytes, "The batch"));
    JsonNode items = body.get(BATCH);
    if (!body.isObject() || items == null || !items.isArray()) {
      throw new InvalidEventException(
          InvalidEventException.BAD_REQUEST,
          Reason.MALFORMED_JSON,
          "The body must be a JSON object with an array \"batch\": {\"batch\": [{\"type\": \"track\", ...}]}");
    }
    Instant now = Instant.now();
    List<ObjectNode> events = new ArrayList<>(items.size());
    List<Map<String, Object>> rejected = new ArrayList<>();
    int rejectedCount = 0;
    for (int i = 0; i < items.size(); i++) {
      try {
        events.add(batchItem(items.get(i), body, "batch[" + i + "]", now));
      } catch (InvalidEventException e) {
        rejectedCount++;
        metrics.invalid(e.reason(), 1);
        if (rejected.size() < MAX_REJECTED_LISTED) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("index", i);
          item.put("reason", e.getMessage());
          rejected.add(item);
        }
      }
    }
    answer(response, 200, accepted(items.size(), intake.accept(events), rejected, rejectedCount));
  }

  private ObjectNode batchItem(JsonNode item, JsonNode batch, String where, Instant now) {
    int size = json.write(item).length;
    if (size > maxEventBytes) {
      throw new InvalidEventException(
          InvalidEventException.TOO_LARGE,
          where + " is " + size + " bytes; an event may have at most " + maxEventBytes + " bytes");
    }
    return EventNormalizer.normalize(withBatchDefaults(item, batch), null, where, now);
  }

  /** The 200 answer; a batch's also counts and lists its rejected events. */
  private static Map<String, Object> accepted(
      int events, IntakeResult result, List<Map<String, Object>> rejected, int rejectedCount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("events", events);
    body.put("started", result.started());
    body.put("duplicates", result.duplicates());
    body.put("unmatched", result.unmatched());
    if (rejected != null) {
      body.put("rejected", rejectedCount);
      body.put("rejectedEvents", rejected);
    }
    return body;
  }

  /** Segment lets a batch carry {@code context} and {@code integrations} for all its events. */
  private static JsonNode withBatchDefaults(JsonNode item, JsonNode batch) {
    if (!item.isObject()) {
      return item;
    }
    ObjectNode copy = null;
    for (String shared : List.of("context", "integrations")) {
      if (batch.has(shared) && !item.has(shared)) {
        copy = copy == null ? ((ObjectNode) item).deepCopy() : copy;
        copy.set(shared, batch.get(shared));
      }
    }
    return copy == null ? item : copy;
  }

  /**
   * Streams the replay's progress; the status line is sent once the body is known to be readable.
   */
  private void replay(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try (InputStream in = RequestBody.open(request)) {
      response.setStatus(200);
      response.setContentType("application/x-ndjson");
      response.setCharacterEncoding("UTF-8");
      PrintWriter out = response.getWriter();
      try {
        replay.replay(
            in,
            p -> {
              out.println(progressLine(p));
              out.flush();
              IntakeLogger.replayProgress(p);
            });
      } catch (IOException e) {
        stopped(out, e, RequestBody.unreadable(e, request).getMessage());
      } catch (RuntimeException e) {
        stopped(out, e, "the events could not be stored (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  /**
   * The status line is gone already: the reason goes into the stream; groups before this one stay
   * committed.
   */
  private static void stopped(PrintWriter out, Exception e, String why) throws IOException {
    IntakeLogger.replayStopped(why, e);
    out.println(
        MAPPER.writeValueAsString(
            error(
                "Replay stopped: "
                    + why
                    + "; groups reported above are "
                    + "committed, replaying the file again skips them as duplicates")));
    out.flush();
  }

  private static String progressLine(ReplayProgress p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("lines", p.lines());
    line.put("events", p.events());
    line.put("started", p.started());
    line.put("duplicates", p.duplicates());
    line.put("unmatched", p.unmatched());
    line.put("rejected", p.rejected());
    if (p.done()) {
      line.put("done", true);
      line.put("skipped", p.skipped());
    }
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Counts and texts always serialize", e);
    }
  }

  /**
   * The whole (decoded) body, at most {@code max} bytes; read failures are answered as the
   * sender's.
   */
  private static byte[] read(HttpServletRequest request, long max, String what) throws IOException {
    try (InputStream in = RequestBody.open(request)) {
      return BoundedBody.read(in, RequestBody.declaredLength(request), max, what);
    } catch (IOException e) {
      throw RequestBody.unreadable(e, request);
    }
  }

  private static String endpoint(HttpServletRequest request) {
    String path = Optional.ofNullable(request.getPathInfo()).orElse("");
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Map<String, Object> error(String message) {
    return JsonAnswer.error(message);
  }

  private static void answer(HttpServletResponse response, int status, Object body)
      throws IOException {
    JsonAnswer.send(response, status, body);
  }
}
