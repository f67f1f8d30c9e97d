package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.REMAINING_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.REPORTED_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UNDELIVERED_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import java.sql.Connection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Report outcomes": delivers the next {@code reportChunkSize} outcomes in this job's transaction
 * (the diagram loops over the step, so a 5000-record batch is several short transactions, not one
 * giant one). Outcomes whose instance is not waiting are set aside for "Deliver late outcomes".
 * Outcomes of back-fill records are settled first, all at once ({@link BackfillStore#settle}).
 */
public class ReportOutcomesStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    // back-fill records have no instance to deliver to: they are settled together, in SQL
    int settled =
        new BackfillStore().settle(connection(), claimId(execution), ClockUtil.getCurrentTime());
    OutcomeDelivery.Pass pass =
        deliverOutcomes(execution, runtime, false, runtime.settings().reportChunkSize());
    Connection c = connection();
    String claimId = claimId(execution);
    BulkEntryStore store = runtime.store();
    store.markTried(c, pass.notWaiting().stream().map(PendingOutcome::seq).toList());
    execution.setVariable(
        REPORTED_COUNT, intVariable(execution, REPORTED_COUNT) + settled + pass.delivered());
    execution.setVariable(REMAINING_COUNT, store.countOutcomes(c, claimId, false));
    execution.setVariable(UNDELIVERED_COUNT, store.countOutcomes(c, claimId, true));
  }
}
