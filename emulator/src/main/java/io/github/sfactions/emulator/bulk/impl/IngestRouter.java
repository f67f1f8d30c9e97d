package io.github.sfactions.emulator.bulk.impl;

import io.github.sfactions.emulator.bulk.BulkResponse;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a request below {@code /services/data/vXX.X/jobs/ingest} to an {@link IngestService}
 * operation and the operation's outcome to a response. Never throws: refusals become Salesforce
 * error arrays, anything unexpected a 500 {@code UNKNOWN_EXCEPTION} without internals.
 */
public final class IngestRouter {

  /** Query parameter some clients use to tunnel PATCH/DELETE through POST. */
  public static final String METHOD_OVERRIDE = "_HttpMethod";

  /** Bulk API 2.0 exists from this version on. */
  private static final BigDecimal FIRST_BULK_V2_VERSION = new BigDecimal("41.0");

  private static final String BATCHES = "batches";
  private static final String SUCCESSFUL_RESULTS = "successfulresults";
  private static final String FAILED_RESULTS = "failedresults";
  private static final String UNPROCESSED_RECORDS = "unprocessedrecords";

  private final IngestService service;

  /** A router over {@code service}. */
  public IngestRouter(IngestService service) {
    this.service = service;
  }

  /** Handles one request; see {@code BulkIngestApi#handle}. */
  public BulkResponse route(
      String method,
      String apiVersion,
      String subPath,
      Map<String, String> query,
      String contentType,
      InputStream body) {
    try {
      if (service.isClosed()) {
        return Responses.error(503, ErrorCodes.SERVER_UNAVAILABLE, "The Bulk API is shut down");
      }
      return dispatch(
          effectiveMethod(method, query),
          version(apiVersion),
          segments(subPath),
          contentType,
          body);
    } catch (BulkApiException e) {
      return Responses.error(e);
    } catch (RuntimeException e) {
      return Responses.error(
          500,
          ErrorCodes.UNKNOWN_EXCEPTION,
          "An unexpected error occurred (" + e.getClass().getSimpleName() + ")");
    }
  }

  private BulkResponse dispatch(
      String method, BigDecimal version, String[] path, String contentType, InputStream body) {
    if (path.length == 0) {
      return switch (method) {
        case "GET" -> Responses.json(200, JobInfoJson.list(service.list()));
        case "POST" ->
            Responses.json(200, JobInfoJson.shortForm(service.create(version, contentType, body)));
        default -> throw notAllowed(method, "GET,POST");
      };
    }
    String jobId = path[0];
    if (path.length == 1) {
      return switch (method) {
        case "GET" -> Responses.json(200, JobInfoJson.fullForm(service.info(jobId)));
        case "PATCH" ->
            Responses.json(
                200, JobInfoJson.shortForm(service.changeState(jobId, contentType, body)));
        case "DELETE" -> {
          service.delete(jobId);
          yield Responses.empty(204);
        }
        default -> throw notAllowed(method, "GET,PATCH,DELETE");
      };
    }
    if (path.length > 2) {
      throw BulkApiException.notFound();
    }
    String resource = path[1].toLowerCase(Locale.ROOT);
    if (BATCHES.equals(resource)) {
      if (!"PUT".equals(method)) {
        throw notAllowed(method, "PUT");
      }
      service.upload(jobId, contentType, body);
      return Responses.empty(201);
    }
    if (!SUCCESSFUL_RESULTS.equals(resource)
        && !FAILED_RESULTS.equals(resource)
        && !UNPROCESSED_RECORDS.equals(resource)) {
      throw BulkApiException.notFound();
    }
    if (!"GET".equals(method)) {
      throw notAllowed(method, "GET");
    }
    return Responses.csv(
        switch (resource) {
          case SUCCESSFUL_RESULTS -> service.successfulResults(jobId);
          case FAILED_RESULTS -> service.failedResults(jobId);
          default -> service.unprocessedRecords(jobId);
        });
  }

  private static String effectiveMethod(String method, Map<String, String> query) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    String override = query == null ? null : query.get(METHOD_OVERRIDE);
    if ("POST".equals(upper) && override != null && !override.isBlank()) {
      return override.trim().toUpperCase(Locale.ROOT);
    }
    return upper;
  }

  private static BigDecimal version(String apiVersion) {
    String text = apiVersion == null ? "" : apiVersion.trim();
    if (text.startsWith("v") || text.startsWith("V")) {
      text = text.substring(1);
    }
    try {
      BigDecimal version = new BigDecimal(text);
      if (version.compareTo(FIRST_BULK_V2_VERSION) < 0 || version.scale() != 1) {
        throw BulkApiException.notFound();
      }
      return version;
    } catch (NumberFormatException e) {
      throw BulkApiException.notFound();
    }
  }

  private static String[] segments(String subPath) {
    String path = subPath == null ? "" : subPath;
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return from == to ? new String[0] : path.substring(from, to).split("/+");
  }

  private static BulkApiException notAllowed(String method, String allowed) {
    return new BulkApiException(
        405,
        ErrorCodes.METHOD_NOT_ALLOWED,
        "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
  }
}
