package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_STATE;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.MAX_UPLOAD_ATTEMPTS;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UPLOAD_ATTEMPTS;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UPLOAD_FAILED_ERROR_CODE;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobState;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Upload CSV": writes the batch's CSV from the queue rows into a temporary file ({@link
 * ClaimCsvFile}, a page of rows in memory at a time) and streams it into {@code PUT
 * /jobs/ingest/{id}/batches}; no database cursor stays open during the upload. If the upload fails
 * the job is aborted (deviation 4: Salesforce never processes a partial upload) and the BPMN error
 * {@value io.github.sfactions.bpmn.bulk.BulkIngestVariables#UPLOAD_FAILED_ERROR_CODE} sends the
 * batch to a new job after a wait, or to failure once {@code maxUploadAttempts} jobs were tried.
 */
public class UploadCsvStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    String jobId = jobId(execution);
    BulkIngest bulk = bulk(execution, runtime, calls);
    int attempt = intVariable(execution, UPLOAD_ATTEMPTS) + 1;
    execution.setVariable(UPLOAD_ATTEMPTS, attempt);
    try (ClaimCsvFile csv = ClaimCsvFile.write(runtime.store(), connection(), claimId(execution))) {
      upload(execution, bulk, jobId, attempt, csv);
    }
  }

  private static void upload(
      DelegateExecution execution, BulkIngest bulk, String jobId, int attempt, ClaimCsvFile csv) {
    try {
      bulk.upload(jobId, csv.content());
    } catch (RuntimeException uploadFailure) {
      boolean aborted = abort(bulk, jobId);
      execution.setVariable(JOB_STATE, aborted ? BulkJobState.ABORTED.apiValue() : null);
      int max = intVariable(execution, MAX_UPLOAD_ATTEMPTS);
      throw batchError(
          execution,
          UPLOAD_FAILED_ERROR_CODE,
          "Bulk upload to job "
              + jobId
              + " failed (attempt "
              + attempt
              + " of "
              + max
              + "): "
              + SalesforceFailures.describe(uploadFailure)
              + (aborted ? "; the job was aborted" : "; aborting the job failed too"));
    }
  }

  private static boolean abort(BulkIngest bulk, String jobId) {
    try {
      bulk.abortJob(jobId);
      return true;
    } catch (RuntimeException abortFailure) {
      BulkLogger.abortFailed(jobId, abortFailure);
      return false;
    }
  }
}
