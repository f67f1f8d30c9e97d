package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Deliver late outcomes": tries again, each in a transaction of its own, the outcomes whose
 * instance did not wait at the first attempt (e.g. it had an asynchronous continuation to run
 * first) or failed on its way after it. If some are still left the step fails, so the job's retries
 * wait and, once they run out, an incident in Cockpit names each one and why.
 */
public class DeliverLateMicroOutcomesStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    MicroOutcomeDelivery delivery =
        new MicroOutcomeDelivery(
            execution.getProcessEngineServices().getRuntimeService(), runtime.store());
    MicroOutcomeDelivery.Left left = delivery.deliver(connection(), claimId(execution), true);
    if (!left.isEmpty()) {
      throw DeliverMicroOutcomesStep.undelivered(left);
    }
    execution.setVariable(MicroBatchVariables.UNDELIVERED_COUNT, 0);
  }
}
