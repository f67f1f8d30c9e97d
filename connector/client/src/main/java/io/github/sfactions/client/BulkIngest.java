package io.github.sfactions.client;

import io.github.sfactions.client.BulkRecordResult.Outcome;
import io.github.sfactions.client.impl.ApiNames;
import io.github.sfactions.client.impl.BulkResultParser;
import io.github.sfactions.client.impl.CallSpec;
import io.github.sfactions.client.impl.CsvUploadBody;
import io.github.sfactions.client.impl.Json;
import io.github.sfactions.client.impl.Mappers;
import io.github.sfactions.client.impl.RestExecutor;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * Bulk API 2.0 ingest ({@code /jobs/ingest}): create a job, upload its CSV once, close (or abort)
 * it, poll its {@link BulkJobInfo}, then read per-row results. Obtained from {@link
 * SalesforceClient#bulk()}; thread-safe. Polling is the caller's business (a BPMN timer loop), so
 * no method here waits.
 */
public final class BulkIngest {

  private static final String JOBS = "/services/data/{version}/jobs/ingest";
  private static final String ACCEPT_CSV = "text/csv";

  private final RestExecutor rest;

  BulkIngest(RestExecutor rest) {
    this.rest = rest;
  }

  /** {@code POST /jobs/ingest}: a new job in state Open (CSV, comma, LF). */
  public BulkJobInfo createJob(BulkJobRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", request.sobject());
    body.put("contentType", "CSV");
    body.put("operation", request.operation().apiValue());
    if (request.externalIdFieldName() != null) {
      body.put("externalIdFieldName", request.externalIdFieldName());
    }
    body.put("lineEnding", "LF");
    body.put("columnDelimiter", "COMMA");
    return rest.execute(
        CallSpec.json(
            "POST",
            ApiOperation.BULK_CREATE_JOB,
            request.sobject(),
            JOBS,
            u -> u.addPathSegment("jobs").addPathSegment("ingest"),
            Json.body(body)),
        r -> Mappers.jobInfo(Json.read(r.body().byteStream())));
  }

  /** {@code PUT /jobs/ingest/{jobId}/batches}: streams the CSV (201). One upload per job. */
  public void upload(String jobId, CsvContent csv) {
    ApiNames.requireId(jobId);
    Objects.requireNonNull(csv, "csv");
    RequestBody body = new CsvUploadBody(csv);
    rest.execute(
        CallSpec.json(
            "PUT",
            ApiOperation.BULK_UPLOAD,
            null,
            JOBS + "/{jobId}/batches",
            u -> job(u, jobId).addPathSegment("batches"),
            body),
        r -> null);
  }

  /** {@code PATCH /jobs/ingest/{jobId}} to UploadComplete: Salesforce starts processing. */
  public BulkJobInfo closeJob(String jobId) {
    return changeState(jobId, BulkJobState.UPLOAD_COMPLETE, ApiOperation.BULK_CLOSE_JOB);
  }

  /** {@code PATCH /jobs/ingest/{jobId}} to Aborted. */
  public BulkJobInfo abortJob(String jobId) {
    return changeState(jobId, BulkJobState.ABORTED, ApiOperation.BULK_ABORT_JOB);
  }

  /** {@code GET /jobs/ingest/{jobId}}: state and counters. */
  public BulkJobInfo jobInfo(String jobId) {
    ApiNames.requireId(jobId);
    return rest.execute(
        CallSpec.json(
            "GET", ApiOperation.BULK_JOB_INFO, null, JOBS + "/{jobId}", u -> job(u, jobId), null),
        r -> Mappers.jobInfo(Json.read(r.body().byteStream())));
  }

  /** {@code DELETE /jobs/ingest/{jobId}} (only for closed, finished, failed or aborted jobs). */
  public void deleteJob(String jobId) {
    ApiNames.requireId(jobId);
    rest.execute(
        CallSpec.json(
            "DELETE",
            ApiOperation.BULK_DELETE_JOB,
            null,
            JOBS + "/{jobId}",
            u -> job(u, jobId),
            null),
        r -> null);
  }

  /** Rows that succeeded ({@code sf__Id}, {@code sf__Created} and the uploaded cells). */
  public List<BulkRecordResult> successfulResults(String jobId) {
    return results(
        jobId, "successfulResults", ApiOperation.BULK_SUCCESSFUL_RESULTS, Outcome.SUCCESS);
  }

  /** Rows that failed ({@code sf__Error} parsed into code, message and fields). */
  public List<BulkRecordResult> failedResults(String jobId) {
    return results(jobId, "failedResults", ApiOperation.BULK_FAILED_RESULTS, Outcome.FAILED);
  }

  /**
   * Streams the rows that succeeded to {@code each} while the results file downloads (one call); a
   * results file of any size is never held whole. An exception thrown by {@code each} ends the
   * download and propagates.
   */
  public void readSuccessfulResults(String jobId, Consumer<BulkRecordResult> each) {
    read(jobId, "successfulResults", ApiOperation.BULK_SUCCESSFUL_RESULTS, Outcome.SUCCESS, each);
  }

  /** Streams the rows that failed to {@code each} (see {@link #readSuccessfulResults}). */
  public void readFailedResults(String jobId, Consumer<BulkRecordResult> each) {
    read(jobId, "failedResults", ApiOperation.BULK_FAILED_RESULTS, Outcome.FAILED, each);
  }

  /** Rows never attempted (job failed or aborted). */
  public List<BulkRecordResult> unprocessedRecords(String jobId) {
    return results(
        jobId, "unprocessedrecords", ApiOperation.BULK_UNPROCESSED_RECORDS, Outcome.UNPROCESSED);
  }

  /** All three result sets (three API calls). */
  public BulkResults results(String jobId) {
    return new BulkResults(
        successfulResults(jobId), failedResults(jobId), unprocessedRecords(jobId));
  }

  private List<BulkRecordResult> results(
      String jobId, String segment, ApiOperation operation, Outcome outcome) {
    List<BulkRecordResult> rows = new ArrayList<>();
    read(jobId, segment, operation, outcome, rows::add);
    return rows;
  }

  private void read(
      String jobId,
      String segment,
      ApiOperation operation,
      Outcome outcome,
      Consumer<BulkRecordResult> each) {
    ApiNames.requireId(jobId);
    Objects.requireNonNull(each, "each");
    rest.execute(
        new CallSpec(
            "GET",
            operation,
            null,
            JOBS + "/{jobId}/" + segment,
            u -> job(u, jobId).addPathSegment(segment),
            null,
            ACCEPT_CSV),
        r -> {
          BulkResultParser.parse(
              new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8), outcome, each);
          return null;
        });
  }

  private BulkJobInfo changeState(String jobId, BulkJobState state, ApiOperation operation) {
    ApiNames.requireId(jobId);
    return rest.execute(
        CallSpec.json(
            "PATCH",
            operation,
            null,
            JOBS + "/{jobId}",
            u -> job(u, jobId),
            Json.body(Map.of("state", state.apiValue()))),
        r -> Mappers.jobInfo(Json.read(r.body().byteStream())));
  }

  private static HttpUrl.Builder job(HttpUrl.Builder u, String jobId) {
    return u.addPathSegment("jobs").addPathSegment("ingest").addPathSegment(jobId);
  }
}
