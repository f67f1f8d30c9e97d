package io.github.sfactions.emulator.impl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.bulk.BulkSettings;
import io.github.sfactions.emulator.bulk.impl.ColumnDelimiter;
import io.github.sfactions.emulator.bulk.impl.LineEnding;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.QueryPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Bulk API 2.0 query jobs, {@code /jobs/query}: create ({@code query} or {@code queryAll}), get,
 * list, abort, delete and {@code results} as CSV pages with {@code Sforce-Locator} and {@code
 * Sforce-NumberOfRecords}. The SOQL is checked and run by the emulator's SOQL engine when the job
 * is created (a consistent snapshot, as Salesforce's own job is of one moment); the job then shows
 * {@code UploadComplete} and {@code InProgress} for the configured dwell before {@code
 * JobComplete}.
 */
final class QueryJobsResource {
  static final String INVALID_JOB = "INVALIDJOB";
  static final String INVALID_JOB_STATE = "INVALIDJOBSTATE";
  static final String INVALID_LOCATOR = "INVALID_LOCATOR";
  private static final String LOCATOR_HEADER = "Sforce-Locator";
  private static final String COUNT_HEADER = "Sforce-NumberOfRecords";
  private static final String CSV = "text/csv";

  /** Salesforce's page size when the client gives no {@code maxRecords}. */
  static final int DEFAULT_PAGE = 50_000;

  private final EmulatorCore core;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** One query job; {@code rows} is the result snapshot taken at creation. */
  private static final class Job {
    final String id;
    final String operation;
    final String object;
    final String query;
    final String createdBy;
    final Instant created;
    final ColumnDelimiter delimiter;
    final LineEnding lineEnding;
    final String apiVersion;
    final List<String> columns;
    final List<Map<String, Object>> rows;
    volatile String forcedState;

    Job(
        String id,
        String operation,
        String object,
        String query,
        String createdBy,
        Instant created,
        ColumnDelimiter delimiter,
        LineEnding lineEnding,
        String apiVersion,
        List<String> columns,
        List<Map<String, Object>> rows) {
      this.id = id;
      this.operation = operation;
      this.object = object;
      this.query = query;
      this.createdBy = createdBy;
      this.created = created;
      this.delimiter = delimiter;
      this.lineEnding = lineEnding;
      this.apiVersion = apiVersion;
      this.columns = columns;
      this.rows = rows;
    }
  }

  QueryJobsResource(EmulatorCore core) {
    this.core = core;
  }

  void reset() {
    jobs.clear();
  }

  Reply handle(Call call, String version, List<String> seg) {
    call.describe("jobs/query", null, "bulkQuery");
    String m = call.method();
    if (seg.isEmpty()) {
      return switch (m) {
        case "POST" -> create(call, version);
        case "GET" -> list(version);
        default -> DataApi.methodNotAllowed(call, "GET", "POST");
      };
    }
    Job job = jobs.get(seg.get(0));
    if (job == null) {
      throw new ApiException(404, "NOT_FOUND", "Could not find job " + seg.get(0));
    }
    if (seg.size() == 1) {
      return switch (m) {
        case "GET" -> Reply.json(200, info(job, true));
        case "PATCH" -> abort(call, job);
        case "DELETE" -> delete(job);
        default -> DataApi.methodNotAllowed(call, "GET", "PATCH", "DELETE");
      };
    }
    if (seg.size() == 2 && seg.get(1).equals("results")) {
      return m.equals("GET") ? results(call, job) : DataApi.methodNotAllowed(call, "GET");
    }
    throw ApiException.notFound();
  }

  private Reply create(Call call, String version) {
    JsonNode body = Json.parse(call.body());
    String operation = body.path("operation").asText("");
    if (!operation.equals("query") && !operation.equals("queryAll")) {
      throw new ApiException(
          400,
          INVALID_JOB,
          "InvalidJob : operation must be query or queryAll, not '" + operation + "'");
    }
    String soql = body.path("query").asText("");
    if (soql.isBlank()) {
      throw new ApiException(400, INVALID_JOB, "InvalidJob : query is required");
    }
    String contentType = body.path("contentType").asText("CSV");
    if (!contentType.equals("CSV")) {
      throw new ApiException(
          400, INVALID_JOB, "InvalidJob : contentType must be CSV, not '" + contentType + "'");
    }
    String delimName = body.path("columnDelimiter").asText("COMMA");
    ColumnDelimiter delimiter =
        ColumnDelimiter.fromApiName(delimName)
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        INVALID_JOB,
                        "InvalidJob : columnDelimiter must be one of "
                            + ColumnDelimiter.allApiNames()
                            + ", not '"
                            + delimName
                            + "'"));
    String lineName = body.path("lineEnding").asText("LF");
    LineEnding lineEnding =
        LineEnding.fromApiName(lineName)
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        INVALID_JOB,
                        "InvalidJob : lineEnding must be LF or CRLF, not '" + lineName + "'"));
    QueryPlan plan = core.queries().plan(soql);
    if (plan.isCount()) {
      throw new ApiException(
          400, INVALID_JOB, "InvalidJob : COUNT() is not supported by Bulk API 2.0 query");
    }
    if (plan.isAggregate()) {
      throw new ApiException(
          400,
          INVALID_JOB,
          "InvalidJob : Bulk API 2.0 query does not support GROUP BY or" + " aggregate functions");
    }
    if (!plan.children().isEmpty()) {
      // Bulk API 2.0 answers flat CSV; Salesforce refuses parent-to-child subqueries there.
      throw new ApiException(
          400,
          INVALID_JOB,
          "InvalidJob : Bulk API 2.0 query does not support nested"
              + " (child relationship) subqueries");
    }
    List<Map<String, Object>> rows = core.queries().rows(plan, operation.equals("queryAll"));
    String id = core.ids().newId("750");
    Job job =
        new Job(
            id,
            operation,
            plan.objectName(),
            soql,
            core.currentUserId(),
            core.clock().instant(),
            delimiter,
            lineEnding,
            version,
            plan.selectFields(),
            rows);
    jobs.put(id, job);
    return Reply.json(200, info(job, false));
  }

  private long dwellMillis() {
    EmulatorConfig.Bulk b = core.config().bulk();
    return b == null || b.stateDwellMs() == null
        ? BulkSettings.DEFAULT_STATE_DWELL.toMillis()
        : b.stateDwellMs();
  }

  private String state(Job job) {
    String forced = job.forcedState;
    if (forced != null) {
      return forced;
    }
    long age = core.clock().millis() - job.created.toEpochMilli();
    long dwell = dwellMillis();
    return age < dwell ? "UploadComplete" : age < 2 * dwell ? "InProgress" : "JobComplete";
  }

  private Map<String, Object> info(Job job, boolean full) {
    String state = state(job);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id);
    m.put("operation", job.operation);
    m.put("object", job.object);
    m.put("createdById", job.createdBy);
    m.put("createdDate", FieldValues.formatDateTime(job.created));
    m.put("systemModstamp", FieldValues.formatDateTime(job.created));
    m.put("state", state);
    m.put("concurrencyMode", "Parallel");
    m.put("contentType", "CSV");
    m.put("apiVersion", Double.parseDouble(job.apiVersion));
    m.put("lineEnding", job.lineEnding.name());
    m.put("columnDelimiter", job.delimiter.name());
    if (full) {
      m.put("numberRecordsProcessed", state.equals("JobComplete") ? job.rows.size() : 0);
      m.put("retries", 0);
      m.put("totalProcessingTime", 0);
      m.put("isPkChunkingSupported", true);
    }
    return m;
  }

  private Reply list(String version) {
    List<Map<String, Object>> records = new ArrayList<>();
    jobs.values().stream()
        .sorted((a, b) -> a.id.compareTo(b.id))
        .forEach(j -> records.add(info(j, false)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("done", true);
    out.put("records", records);
    out.put("nextRecordsUrl", null);
    return Reply.json(200, out);
  }

  private Reply abort(Call call, Job job) {
    String wanted = Json.parse(call.body()).path("state").asText("");
    if (!wanted.equals("Aborted")) {
      throw new ApiException(
          400,
          INVALID_JOB_STATE,
          "InvalidJobState : a query job can only be set to Aborted, not '" + wanted + "'");
    }
    synchronized (job) {
      String state = state(job);
      if (state.equals("JobComplete") || state.equals("Aborted") || state.equals("Failed")) {
        throw new ApiException(
            409,
            INVALID_JOB_STATE,
            "InvalidJobState : Job in state " + state + " can not be aborted");
      }
      job.forcedState = "Aborted";
    }
    return Reply.json(200, info(job, false));
  }

  private Reply delete(Job job) {
    String state = state(job);
    if (!state.equals("JobComplete") && !state.equals("Aborted") && !state.equals("Failed")) {
      throw new ApiException(
          409,
          INVALID_JOB_STATE,
          "InvalidJobState : Job in state " + state + " can not be deleted; abort it first");
    }
    jobs.remove(job.id);
    return Reply.empty(204);
  }

  private Reply results(Call call, Job job) {
    String state = state(job);
    if (!state.equals("JobComplete")) {
      throw new ApiException(
          409,
          INVALID_JOB_STATE,
          "InvalidJobState : Results are available when the job is"
              + " JobComplete; it is "
              + state);
    }
    int max = DEFAULT_PAGE;
    String maxParam = call.query("maxRecords");
    if (maxParam != null) {
      try {
        max = Integer.parseInt(maxParam.trim());
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max <= 0) {
        throw new ApiException(
            400, "INVALIDREQUEST", "maxRecords must be a positive integer, not '" + maxParam + "'");
      }
    }
    int offset = 0;
    String locator = call.query("locator");
    if (locator != null && !locator.isEmpty()) {
      offset = decodeLocator(locator, job.rows.size());
    }
    int end = (int) Math.min((long) offset + max, job.rows.size());
    String text = csv(job, offset, end);
    String next = end < job.rows.size() ? encodeLocator(end) : "null";
    return Reply.text(200, CSV + ";charset=UTF-8", text)
        .withHeader(LOCATOR_HEADER, next)
        .withHeader(COUNT_HEADER, Integer.toString(end - offset));
  }

  /** Locators are opaque to clients; here the base-36 offset of the next row. */
  private static String encodeLocator(int offset) {
    return Integer.toString(offset, 36).toUpperCase(java.util.Locale.ROOT);
  }

  private static int decodeLocator(String locator, int size) {
    try {
      int offset = Integer.parseInt(locator, 36);
      if (offset >= 0 && offset < size) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new ApiException(400, INVALID_LOCATOR, "Invalid locator: " + locator);
  }

  private String csv(Job job, int from, int to) {
    io.github.sfactions.emulator.impl.QueryService queries = core.queries();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(job.delimiter.character())
            .setRecordSeparator(job.lineEnding.separator())
            .setQuoteMode(QuoteMode.ALL)
            .get();
    StringBuilder sb = new StringBuilder(Math.max(64, (to - from) * 32));
    try (CSVPrinter p = new CSVPrinter(sb, format)) {
      p.printRecord(job.columns);
      List<String> cells = new ArrayList<>(job.columns.size());
      for (int i = from; i < to; i++) {
        Map<String, Object> row = job.rows.get(i);
        cells.clear();
        for (String c : job.columns) {
          Object v = queries.value(job.object, row, c);
          cells.add(v == null ? "" : v.toString());
        }
        p.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }
}
