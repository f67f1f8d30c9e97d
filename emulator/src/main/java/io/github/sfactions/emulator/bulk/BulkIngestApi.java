package io.github.sfactions.emulator.bulk;

import io.github.sfactions.emulator.bulk.impl.IngestRouter;
import io.github.sfactions.emulator.bulk.impl.IngestService;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Bulk API 2.0 ingest resource ({@code /services/data/vXX.X/jobs/ingest/**}) of the emulator.
 *
 * <p>The HTTP server authenticates, counts and routes requests here; this class answers with
 * Salesforce's JSON, CSV and error formats and processes closed jobs on its own background
 * executor. Thread-safe. See the package documentation for the behaviour in detail.
 */
public final class BulkIngestApi implements AutoCloseable {

  private final IngestService service;
  private final IngestRouter router;

  /** An API writing rows to {@code store}, tuned by {@code settings}. */
  public BulkIngestApi(BulkRecordStore store, BulkSettings settings) {
    this.service =
        new IngestService(
            Objects.requireNonNull(store, "store"), Objects.requireNonNull(settings, "settings"));
    this.router = new IngestRouter(service);
  }

  /**
   * Answers one request. Never throws; refusals are Salesforce error arrays.
   *
   * @param method HTTP method ({@code POST ?_HttpMethod=PATCH} is honoured)
   * @param apiVersion version from the URL, e.g. {@code "62.0"}
   * @param subPath path below {@code /jobs/ingest}: {@code ""} (list, create), {@code "/{jobId}"},
   *     {@code "/{jobId}/batches"}, {@code "/{jobId}/successfulResults"}, {@code
   *     "/{jobId}/failedResults"} or {@code "/{jobId}/unprocessedrecords"}
   * @param query decoded query parameters; may be empty or {@code null}
   * @param contentType the request's {@code Content-Type}; may be {@code null}
   * @param body the request body; read at most once, not closed; may be {@code null}
   * @return status, content type ({@code null} for empty bodies) and body
   */
  public BulkResponse handle(
      String method,
      String apiVersion,
      String subPath,
      Map<String, String> query,
      String contentType,
      InputStream body) {
    return router.route(method, apiVersion, subPath, query, contentType, body);
  }

  /** Summaries of all jobs (oldest first), for admin and statistics views. */
  public List<BulkJobSummary> jobs() {
    return service.summaries();
  }

  /** Aborts and forgets every job; returns once no row of those jobs is being written any more. */
  public void reset() {
    service.reset();
  }

  /** Stops every job and the background executor; later requests get 503. */
  @Override
  public void close() {
    service.close();
  }
}
