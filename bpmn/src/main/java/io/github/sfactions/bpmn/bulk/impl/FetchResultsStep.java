package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILED_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORD_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.SUCCESSFUL_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkRecordResult;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Fetch results": streams {@code successfulResults} and {@code failedResults} (two calls), matches
 * every row to its queued record by its {@link MatchKey} and stores each record's outcome on its
 * queue row, {@value #SAVE_EVERY} at a time. Neither results file nor the batch's rows are held in
 * memory: only the claim's match keys ({@link ClaimKeys}). A record without a result row fails with
 * {@value #NO_RESULT}.
 */
public class FetchResultsStep extends BulkStep {

  /** Error code of a record Salesforce returned no result row for. */
  static final String NO_RESULT = "NO_RESULT";

  /** Outcomes stored per batch of updates. */
  static final int SAVE_EVERY = 1000;

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    Connection c = connection();
    String claimId = claimId(execution);
    String jobId = jobId(execution);
    BulkEntryStore store = runtime.store();
    ClaimKeys keys = store.claimKeys(c, claimId, intVariable(execution, RECORD_COUNT));
    BulkIngest bulk = bulk(execution, runtime, calls);
    Outcomes outcomes = new Outcomes(store, c, claimId, jobId, keys);
    bulk.readSuccessfulResults(
        jobId, r -> outcomes.add(r, true, r.created() ? "created" : "updated", null, null));
    int successful = outcomes.matched;
    bulk.readFailedResults(
        jobId,
        r -> outcomes.add(r, false, BulkIngestVariables.RESULT_FAILED, r.errorCode(), sfError(r)));
    outcomes.save();
    int missing =
        store.failUnresolved(
            c,
            claimId,
            jobId,
            NO_RESULT,
            "Salesforce returned no result row for this record in bulk job " + jobId);
    if (outcomes.strays > 0) {
      BulkLogger.strayResults(jobId, outcomes.strays, claimId);
    }
    execution.setVariable(SUCCESSFUL_COUNT, successful);
    execution.setVariable(FAILED_COUNT, outcomes.matched - successful + missing);
  }

  /** Matched outcomes on their way to the queue rows. */
  private static final class Outcomes {
    private final BulkEntryStore store;
    private final Connection connection;
    private final String claimId;
    private final String jobId;
    private final ClaimKeys keys;
    private final List<RecordOutcome> pending = new ArrayList<>(SAVE_EVERY);
    private int matched;
    private int strays;

    Outcomes(
        BulkEntryStore store, Connection connection, String claimId, String jobId, ClaimKeys keys) {
      this.store = store;
      this.connection = connection;
      this.claimId = claimId;
      this.jobId = jobId;
      this.keys = keys;
    }

    void add(BulkRecordResult r, boolean success, String result, String code, String error) {
      OptionalLong seq = keys.take(MatchKey.ofResult(r.row()));
      if (seq.isEmpty()) {
        strays++;
        return;
      }
      matched++;
      pending.add(new RecordOutcome(seq.getAsLong(), success, result, r.id(), code, error));
      if (pending.size() == SAVE_EVERY) {
        save();
      }
    }

    void save() {
      store.saveOutcomes(connection, claimId, jobId, pending);
      pending.clear();
    }
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
