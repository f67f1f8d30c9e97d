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
import io.github.sfactions.spring.intake.ReplayProgress;
import io.github.sfactions.spring.intake.SegmentEventIntake;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the intake, compatible with Segment's HTTP Tracking API: {@code POST /identify}, {@code /track},
 * {@code /page}, {@code /screen}, {@code /group}, {@code /alias} (one event), {@code /batch} and {@code /import}
 * (several), plus {@code /replay} (a JSON-lines back-fill, answered with streamed progress lines).
 *
 * <p>Answers: 200 {@code {"success":true,...}} once the started instances are committed; 401 without the write
 * key; 400 for malformed JSON or an invalid event, naming the problem; 413 beyond the size limits; 404/405 for
 * other paths and methods; 500 when the engine could not store the events (the sender should retry).
 */
public final class SegmentIntakeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SegmentIntakeServlet.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String JSON = "application/json";
  private static final String REPLAY = "replay";

  private final transient SegmentEventIntake intake;
  private final transient EventReplay replay;
  private final transient WriteKeyAuthenticator authenticator;
  private final transient IntakeMetrics metrics;
  private final long maxEventBytes;
  private final long maxBatchBytes;

  /** A servlet in front of this intake. */
  public SegmentIntakeServlet(SegmentEventIntake intake, EventReplay replay, WriteKeyAuthenticator authenticator,
      IntakeMetrics metrics, long maxEventBytes, long maxBatchBytes) {
    this.intake = intake;
    this.replay = replay;
    this.authenticator = authenticator;
    this.metrics = metrics;
    this.maxEventBytes = maxEventBytes;
    this.maxBatchBytes = maxBatchBytes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String endpoint = endpoint(request);
    boolean known = endpoint.equals("batch") || endpoint.equals("import") || endpoint.equals(REPLAY)
        || EventType.fromWireName(endpoint).isPresent();
    if (!known) {
      answer(response, 404, error("No such endpoint: POST one of /identify, /track, /page, /screen, /group, "
          + "/alias, /batch, /import, /replay"));
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      answer(response, 405, error("Method " + request.getMethod() + " is not allowed: use POST"));
      return;
    }
    if (!authenticator.accepts(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"sfactions intake\"");
      answer(response, 401, error("Missing or wrong write key: send it as the user name of HTTP Basic "
          + "authentication (curl -u WRITE_KEY: ...)"));
      return;
    }
    try {
      if (endpoint.equals(REPLAY)) {
        replay(request, response);
        return;
      }
      List<ObjectNode> events = endpoint.equals("batch") || endpoint.equals("import")
          ? batch(request) : single(request, EventType.fromWireName(endpoint).orElseThrow());
      IntakeResult result = intake.accept(events);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("success", true);
      body.put("events", result.events());
      body.put("started", result.started());
      body.put("duplicates", result.duplicates());
      body.put("unmatched", result.unmatched());
      answer(response, 200, body);
    } catch (InvalidEventException e) {
      metrics.rejected(1);
      answer(response, e.status(), error(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("Incoming events could not be stored; the sender was answered 500 and should retry", e);
      answer(response, 500, error("The events could not be stored (" + e.getClass().getSimpleName()
          + "); nothing was started, retry later"));
    }
  }

  private List<ObjectNode> single(HttpServletRequest request, EventType type) throws IOException {
    JsonNode body = parse(BoundedBody.read(body(request), contentLength(request), maxEventBytes, "The event"));
    return List.of(EventNormalizer.normalize(body, type, "The event", Instant.now()));
  }

  private List<ObjectNode> batch(HttpServletRequest request) throws IOException {
    JsonNode body = parse(BoundedBody.read(body(request), contentLength(request), maxBatchBytes, "The batch"));
    JsonNode items = body.get("batch");
    if (!body.isObject() || items == null || !items.isArray()) {
      throw InvalidEventException.badRequest("The body must be a JSON object with an array \"batch\": "
          + "{\"batch\": [{\"type\": \"track\", ...}]}");
    }
    Instant now = Instant.now();
    List<ObjectNode> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String where = "batch[" + i + "]";
      int size = MAPPER.writeValueAsBytes(item).length;
      if (size > maxEventBytes) {
        throw new InvalidEventException(InvalidEventException.TOO_LARGE, where + " is " + size
            + " bytes; an event may have at most " + maxEventBytes + " bytes");
      }
      events.add(EventNormalizer.normalize(withBatchDefaults(item, body), null, where, now));
    }
    return events;
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

  private void replay(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding("UTF-8");
    PrintWriter out = response.getWriter();
    try (InputStreamReader in = new InputStreamReader(body(request), StandardCharsets.UTF_8)) {
      replay.replay(in, p -> {
        out.println(progressLine(p));
        out.flush();
        LOG.info("Replay: {} lines, {} events, {} instances started, {} duplicates, {} unmatched, {} rejected{}",
            p.lines(), p.result().events(), p.result().started(), p.result().duplicates(), p.result().unmatched(),
            p.rejected(), p.done() ? " (done)" : "");
      });
    } catch (RuntimeException e) {
      // the status line is gone already: report in the stream, groups before this one stay committed
      LOG.error("Replay stopped", e);
      out.println(MAPPER.writeValueAsString(error("Replay stopped: " + e.getClass().getSimpleName()
          + "; groups reported above are committed, replaying the file again skips them as duplicates")));
      out.flush();
    }
  }

  private static String progressLine(ReplayProgress p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("lines", p.lines());
    line.put("events", p.result().events());
    line.put("started", p.result().started());
    line.put("duplicates", p.result().duplicates());
    line.put("unmatched", p.result().unmatched());
    line.put("rejected", p.rejected());
    if (p.done()) {
      line.put("done", true);
      line.put("problems", p.problems());
    }
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Counts and texts always serialize", e);
    }
  }

  /** The request body, decompressed when the sender gzipped it (Segment's libraries may); limits apply after. */
  private static InputStream body(HttpServletRequest request) throws IOException {
    if (isGzip(request)) {
      try {
        return new GZIPInputStream(request.getInputStream());
      } catch (ZipException e) {
        throw InvalidEventException.badRequest("Content-Encoding is gzip but the body is not gzip data");
      }
    }
    return request.getInputStream();
  }

  /** The declared length, when it is the length of the JSON itself (not of compressed data). */
  private static long contentLength(HttpServletRequest request) {
    return isGzip(request) ? -1 : request.getContentLengthLong();
  }

  private static boolean isGzip(HttpServletRequest request) {
    return "gzip".equalsIgnoreCase(Optional.ofNullable(request.getHeader("Content-Encoding")).orElse("").trim());
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw InvalidEventException.badRequest("The request body is empty: send a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw InvalidEventException.badRequest("The request body is empty: send a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw InvalidEventException.badRequest("Malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + JsonMessages.clean(e.getOriginalMessage()));
    } catch (IOException e) {
      throw InvalidEventException.badRequest("Unreadable body: " + e.getMessage());
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("message", message);
    return body;
  }

  private static void answer(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType(JSON);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(MAPPER.writeValueAsBytes(body));
  }
}
