package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Deliver outcomes": hands a chunk of a flush's outcomes to their waiting instances ({@link
 * MicroOutcomeDelivery}), all in this transaction; a retry (an instance failed on its way) hands
 * each over on its own. Outcomes left (instance not waiting yet, or failing) stay stored for
 * "Deliver late outcomes".
 */
public class DeliverMicroOutcomesStep extends BulkStep {

  private static final int NAMED_IN_MESSAGE = 10;

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    MicroOutcomeDelivery delivery =
        new MicroOutcomeDelivery(
            execution.getProcessEngineServices().getRuntimeService(), runtime.store());
    boolean separately = MicroOutcomeDelivery.failedBefore(execution);
    MicroOutcomeDelivery.Left left;
    try {
      left = delivery.deliver(connection(), claimId(execution), separately);
    } catch (RuntimeException e) {
      // one instance failed on its way in the shared transaction: whatever the failure, the retry
      // (which hands each outcome over on its own) is the cure, so it must not count as final
      throw new ProcessEngineException(
          "An instance failed after its micro-batch outcome was handed over ("
              + e.getMessage()
              + "); the retry hands each outcome over on its own");
    }
    execution.setVariable(MicroBatchVariables.UNDELIVERED_COUNT, left.size());
  }

  /** The failure of "Deliver late outcomes" when outcomes are still left. */
  static ProcessEngineException undelivered(MicroOutcomeDelivery.Left left) {
    StringBuilder message = new StringBuilder();
    if (!left.failed().isEmpty()) {
      message
          .append(left.failed().size())
          .append(" micro-batch outcome(s) failed in their instance after delivery: ")
          .append(
              left.failed().entrySet().stream()
                  .limit(NAMED_IN_MESSAGE)
                  .map(
                      e ->
                          "entry "
                              + e.getKey().entryId()
                              + " of process instance "
                              + e.getKey().processInstanceId()
                              + " ("
                              + e.getValue().getMessage()
                              + ")")
                  .collect(Collectors.joining(", ")))
          .append(". ");
    }
    List<MicroOutcome> notWaiting = left.notWaiting();
    if (!notWaiting.isEmpty()) {
      message
          .append(notWaiting.size())
          .append(" micro-batch outcome(s) found no waiting instance; model \"Await micro-batch")
          .append(" outcome\" (call activity ")
          .append(MicroBatchVariables.AWAIT_PROCESS_KEY)
          .append(", or a message catch event named ")
          .append(MicroBatchVariables.OUTCOME_MESSAGE_PREFIX)
          .append("${queueEntryId}) right after the task that queues the record. Waiting for: ")
          .append(
              notWaiting.stream()
                  .limit(NAMED_IN_MESSAGE)
                  .map(
                      o -> "entry " + o.entryId() + " of process instance " + o.processInstanceId())
                  .collect(Collectors.joining(", ")));
    }
    return new ProcessEngineException(message.toString().trim());
  }
}
