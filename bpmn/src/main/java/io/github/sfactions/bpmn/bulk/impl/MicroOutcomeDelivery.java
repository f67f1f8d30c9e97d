package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.EngineTransaction;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Hands a flush's stored outcomes to the instances that wait for them (message {@code
 * sfactions.microbatch.outcome.<entryId>}) and deletes the delivered rows, in the calling
 * transaction.
 *
 * <p>First the waiting instances continue right here, in the delivering transaction, up to their
 * next wait state: no job per record, which is what keeps a micro-batched record's engine work near
 * a plain instance's. Should one of them fail on its way, the whole delivery rolls back (nothing of
 * Salesforce's is lost: the outcomes stay stored) and the job is retried; a retried delivery hands
 * every outcome over in a transaction of its own, so the others continue and the failing one keeps
 * its outcome stored, named by the incident of "Deliver late outcomes" until it can continue.
 */
final class MicroOutcomeDelivery {

  private final RuntimeService runtimeService;
  private final BulkEntryStore entries;
  private final MicroBatchStore store = new MicroBatchStore();

  MicroOutcomeDelivery(RuntimeService runtimeService, BulkEntryStore entries) {
    this.runtimeService = runtimeService;
    this.entries = entries;
  }

  /** What a delivery left: outcomes whose instance does not wait, or failed on its way. */
  record Left(List<MicroOutcome> notWaiting, Map<MicroOutcome, RuntimeException> failed) {

    boolean isEmpty() {
      return notWaiting.isEmpty() && failed.isEmpty();
    }

    int size() {
      return notWaiting.size() + failed.size();
    }
  }

  /**
   * Delivers the claim's outcomes: all in the calling transaction, or with {@code separately} each
   * in a transaction of its own, so that an instance failing on its way fails alone (its outcome
   * stays stored, and is reported in what is left).
   */
  Left deliver(Connection c, String claimId, boolean separately) {
    List<MicroOutcome> outcomes = store.outcomes(c, claimId);
    List<MicroOutcome> notWaiting = new ArrayList<>();
    Map<MicroOutcome, RuntimeException> failed = new LinkedHashMap<>();
    if (!separately) {
      List<Long> done = new ArrayList<>();
      for (MicroOutcome o : outcomes) {
        if (deliverOne(o)) {
          done.add(o.seq());
        } else {
          notWaiting.add(o);
        }
      }
      entries.delete(c, done);
      return new Left(notWaiting, failed);
    }
    CommandExecutor own = Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
    for (MicroOutcome o : outcomes) {
      try {
        boolean done =
            own.execute(
                commandContext -> {
                  boolean delivered = deliverOne(o);
                  if (delivered) {
                    entries.delete(EngineTransaction.connection(), List.of(o.seq()));
                  }
                  return delivered;
                });
        if (!done) {
          notWaiting.add(o);
        }
      } catch (RuntimeException e) {
        failed.put(o, e);
      }
    }
    return new Left(notWaiting, failed);
  }

  /** Hands one outcome over; true when it is done with (delivered, or its instance is gone). */
  private boolean deliverOne(MicroOutcome o) {
    String message = MicroBatchVariables.OUTCOME_MESSAGE_PREFIX + o.entryId();
    if (OutcomeDelivery.trigger(message, variables(o), false)) {
      return true;
    }
    if (OutcomeDelivery.instanceGone(runtimeService, o.processInstanceId())) {
      BulkLogger.microOutcomeDropped(o.entryId(), o.processInstanceId());
      return true;
    }
    return false;
  }

  /**
   * True when the job running this step failed before: its retry delivers asynchronously. The job
   * (still in the database while it runs) is found whether the job executor or {@code executeJob}
   * runs it.
   */
  static boolean failedBefore(DelegateExecution execution) {
    for (JobEntity job :
        Context.getCommandContext().getJobManager().findJobsByExecutionId(execution.getId())) {
      if (job.getExceptionMessage() != null) {
        return true;
      }
    }
    return false;
  }

  static VariableMap variables(MicroOutcome o) {
    VariableMap vars =
        Variables.createVariables()
            .putValue(MicroBatchVariables.RESULT, o.result())
            .putValue(MicroBatchVariables.RECORD_ID, o.recordId())
            .putValue(MicroBatchVariables.MATCH_COUNT, o.matchCount())
            .putValue(MicroBatchVariables.STATUS_CODE, o.status());
    if (o.failed()) {
      vars.putValue(MicroBatchVariables.ERROR_CODE, o.errorCode());
      vars.putValue(MicroBatchVariables.ERROR_MESSAGE, o.error());
      if (o.recordIds() != null) {
        vars.putValue(MicroBatchVariables.RECORD_IDS, o.recordIds());
      }
    }
    return vars;
  }
}
