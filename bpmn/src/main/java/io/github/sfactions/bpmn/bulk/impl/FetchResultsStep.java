package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILED_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.SUCCESSFUL_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkRecordResult;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Fetch results": downloads {@code successfulResults} and {@code failedResults} (two calls),
 * matches every row to its queued record and stores each record's outcome on its queue row. A
 * record without a result row fails.
 */
public class FetchResultsStep extends BulkStep {

  /** Error code of a record Salesforce returned no result row for. */
  static final String NO_RESULT = "NO_RESULT";

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    Connection c = connection();
    String claimId = claimId(execution);
    String jobId = jobId(execution);
    ClaimedBatch batch =
        ClaimedBatch.of(runtime.store().claimedWithoutOutcome(c, claimId), runtime.settings());
    BulkIngest bulk = bulk(execution, runtime, calls);
    ResultMatcher matcher = new ResultMatcher(batch.batch().columns(), batch.records());
    List<RecordOutcome> outcomes = new ArrayList<>(batch.records().size());
    int successful = 0;
    int failed = 0;
    int strays = 0;
    for (BulkRecordResult r : bulk.successfulResults(jobId)) {
      Optional<QueuedRecord> record = matcher.take(r);
      if (record.isPresent()) {
        outcomes.add(
            new RecordOutcome(
                record.get().seq(), true, r.created() ? "created" : "updated", r.id(), null, null));
        successful++;
      } else {
        strays++;
      }
    }
    for (BulkRecordResult r : bulk.failedResults(jobId)) {
      Optional<QueuedRecord> record = matcher.take(r);
      if (record.isPresent()) {
        outcomes.add(
            new RecordOutcome(
                record.get().seq(),
                false,
                BulkIngestVariables.RESULT_FAILED,
                r.id(),
                r.errorCode(),
                sfError(r)));
        failed++;
      } else {
        strays++;
      }
    }
    for (QueuedRecord missing : matcher.unmatched()) {
      outcomes.add(
          RecordOutcome.batchFailure(
              missing.seq(),
              NO_RESULT,
              "Salesforce returned no result row for" + " this record in bulk job " + jobId));
      failed++;
    }
    if (strays > 0) {
      BulkLogger.strayResults(jobId, strays, claimId);
    }
    runtime.store().saveOutcomes(c, claimId, jobId, outcomes);
    execution.setVariable(SUCCESSFUL_COUNT, successful);
    execution.setVariable(FAILED_COUNT, failed);
  }

  /** Salesforce's {@code sf__Error} text again: {@code CODE:message:fields --}. */
  static String sfError(BulkRecordResult r) {
    if (r.errorCode() == null) {
      return r.errorMessage();
    }
    String fields = String.join(",", r.errorFields());
    return r.errorCode()
        + ":"
        + (r.errorMessage() == null ? "" : r.errorMessage())
        + ":"
        + (fields.isEmpty() ? "--" : fields + " --");
  }
}
