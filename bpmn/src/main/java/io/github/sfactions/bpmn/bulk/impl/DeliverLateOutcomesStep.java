package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.REPORTED_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UNDELIVERED_COUNT;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Deliver late outcomes": retries outcomes whose instance was not waiting at the first attempt
 * (e.g. it still had an asynchronous continuation to run). If some still find no waiting instance
 * the step fails, so the job's retries wait for the instances and, once they run out, an incident
 * in Cockpit names each one.
 */
public class DeliverLateOutcomesStep extends BulkStep {

  private static final int NAMED_IN_MESSAGE = 10;

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    OutcomeDelivery.Pass pass = deliverOutcomes(execution, runtime, true, Integer.MAX_VALUE);
    List<PendingOutcome> left = pass.notWaiting();
    if (!left.isEmpty()) {
      throw new ProcessEngineException(
          left.size()
              + (left.size() == 1 ? " bulk outcome" : " bulk outcomes")
              + " found no waiting instance; model \"Await"
              + " bulk outcome\" (call activity "
              + BulkIngestVariables.AWAIT_PROCESS_KEY
              + ", or a message catch event"
              + " named "
              + BulkIngestVariables.OUTCOME_MESSAGE_PREFIX
              + "${sfBulkEntryId}) right after the task that"
              + " queues the record. Waiting for: "
              + left.stream()
                  .limit(NAMED_IN_MESSAGE)
                  .map(
                      o -> "entry " + o.entryId() + " of process instance " + o.processInstanceId())
                  .collect(Collectors.joining(", ")));
    }
    execution.setVariable(
        REPORTED_COUNT, intVariable(execution, REPORTED_COUNT) + pass.delivered());
    execution.setVariable(UNDELIVERED_COUNT, 0);
  }
}
