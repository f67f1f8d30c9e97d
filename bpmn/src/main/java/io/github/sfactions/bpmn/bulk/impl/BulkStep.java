package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.API_CALLS;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CLAIM_ID;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CONNECTION;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.FAILURE_REASON;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.JOB_ID_VAR;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.camunda.EngineTransaction;
import io.github.sfactions.client.BulkIngest;
import java.sql.Connection;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Frame of every step of the bulk ingest process: finds the engine's bulk runtime, counts the
 * Salesforce API calls the step makes into the {@code apiCalls} variable (also when the step ends
 * in a BPMN error).
 */
public abstract class BulkStep implements JavaDelegate {

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    BulkIngestRuntime runtime = BulkIngestRuntime.current();
    ApiCallCounter calls = new ApiCallCounter();
    try {
      run(execution, runtime, calls);
    } finally {
      int count = calls.count();
      if (count > 0) {
        execution.setVariable(API_CALLS, intVariable(execution, API_CALLS) + count);
      }
    }
  }

  /**
   * The step's work; Salesforce calls go through {@link #bulk} with {@code calls} to be counted.
   */
  protected abstract void run(
      DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls)
      throws Exception;

  /** The engine transaction's connection. */
  protected static Connection connection() {
    return EngineTransaction.connection();
  }

  /** The batch's claim id. */
  protected static String claimId(DelegateExecution execution) {
    return (String) execution.getVariable(CLAIM_ID);
  }

  /** The batch's job id. */
  protected static String jobId(DelegateExecution execution) {
    return (String) execution.getVariable(JOB_ID_VAR);
  }

  /** The Bulk API client of the batch's connection, its calls counted by {@code calls}. */
  protected static BulkIngest bulk(
      DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    return calls
        .on(runtime.connections().client((String) execution.getVariable(CONNECTION)))
        .bulk();
  }

  /**
   * Ends the step with a BPMN error that the diagram routes to "Fail the batch's records" (or a
   * retry), with the reason kept in {@code failureReason}.
   */
  protected static BpmnError batchError(
      DelegateExecution execution, String errorCode, String reason) {
    execution.setVariable(FAILURE_REASON, reason);
    return new BpmnError(errorCode, reason);
  }

  /** An integer variable, 0 when absent. */
  protected static int intVariable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  /**
   * Delivers up to {@code limit} of this claim's pending outcomes to their waiting instances: the
   * first pass ({@code late=false}) or the outcomes an earlier pass found no waiting instance for
   * ({@code late=true}).
   */
  protected static OutcomeDelivery.Pass deliverOutcomes(
      DelegateExecution execution, BulkIngestRuntime runtime, boolean late, int limit) {
    Connection c = connection();
    BulkEntryStore store = runtime.store();
    OutcomeDelivery delivery =
        new OutcomeDelivery(execution.getProcessEngineServices().getRuntimeService(), store);
    return delivery.deliver(c, store.outcomes(c, claimId(execution), late, limit));
  }
}
