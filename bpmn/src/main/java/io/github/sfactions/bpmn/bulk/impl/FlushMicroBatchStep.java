package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.CLAIM_ID;
import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.GROUP_BUSY;
import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.GROUP_KEY;
import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.MORE;
import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.RECORD_COUNT;
import static io.github.sfactions.bpmn.bulk.MicroBatchVariables.RETRY_DELAY;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.action.GroupExecutor;
import io.github.sfactions.bpmn.bulk.MicroBatchSettings;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.camunda.EngineTransaction;
import io.github.sfactions.camunda.SalesforceConfigurationException;
import io.github.sfactions.camunda.SalesforceConnectorException;
import io.github.sfactions.client.SalesforceApiException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Flush the group": takes the group's row (never waiting for another flush of it), claims its
 * oldest records (at most {@code maxRecords}), sends them as one group ({@link GroupExecutor}:
 * shared lookups, sObject Collections writes, each record with its single-record outcome) and
 * stores the outcomes, all in this job's transaction.
 *
 * <p>Technical failures: when Salesforce fails before anything of the group was written, the step
 * throws, the transaction rolls back (the records are unclaimed again, nothing was sent twice) and
 * the job's retry cycle applies, with an incident in Cockpit when it runs out. When something was
 * written first, rolling back would lose what Salesforce holds, and the retry would write it again;
 * so the step keeps the outcomes it has, puts the unfinished records back into the queue, and
 * flushes again at once, where the failure, if it lasts, is the first thing to happen.
 *
 * <p>Started without a group (the sweep timer), it starts a flush for every group that is due.
 */
public class FlushMicroBatchStep extends BulkStep {

  private static final String SOURCE = "sfactions-micro-batch";

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    MicroBatchSettings settings = runtime.microBatch().settings();
    Connection c = connection();
    Date now = ClockUtil.getCurrentTime();
    Date dueBefore = new Date(now.getTime() - settings.maxDelay().toMillis());
    execution.setVariable(RECORD_COUNT, 0);
    execution.setVariable(MORE, false);
    execution.setVariable(GROUP_BUSY, false);
    execution.setVariable(RETRY_DELAY, settings.maxDelay().toString());
    String groupKey = (String) execution.getVariable(GROUP_KEY);
    MicroBatchStore store = new MicroBatchStore();
    if (groupKey == null) {
      sweep(execution, runtime, store, c, dueBefore);
      return;
    }
    if (anotherFlushIsFailing(execution, runtime, groupKey)) {
      return;
    }
    if (!runtime.store().tryLockGroup(c, groupKey)) {
      // another flush of the group runs; records it did not see are tried again after a delay
      execution.setVariable(GROUP_BUSY, true);
      return;
    }
    List<MicroBatchStore.Claimed> rows =
        inArrivalOrder(store.unclaimed(c, groupKey, settings.maxRecords()));
    if (rows.isEmpty()) {
      return;
    }
    requireDeliveryProcess(execution);
    flush(execution, runtime, store, calls, c, rows, now);
    execution.setVariable(
        MORE,
        (Boolean) execution.getVariable(MORE)
            || store.ready(c, groupKey, settings.maxRecords(), dueBefore));
  }

  /**
   * The rows in the order their events arrived at the intake, when every row has an arrival number
   * (jobs commit their rows in any order); else in queue order.
   */
  static List<MicroBatchStore.Claimed> inArrivalOrder(List<MicroBatchStore.Claimed> rows) {
    if (rows.stream().anyMatch(r -> r.arrival() == null)) {
      return rows;
    }
    List<MicroBatchStore.Claimed> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(MicroBatchStore.Claimed::arrival));
    return sorted;
  }

  /**
   * True when another instance's flush of the group is in Camunda's retries after a technical
   * failure: it sends the group when Salesforce is back; a flush started meanwhile would only fail
   * beside it. A failing instance that no longer exists (cancelled in Cockpit) is forgotten.
   */
  private static boolean anotherFlushIsFailing(
      DelegateExecution execution, BulkIngestRuntime runtime, String groupKey) {
    MicroBatchTrigger trigger = runtime.microBatch().trigger();
    String failing = trigger.failingFlush(groupKey).orElse(null);
    if (failing == null || failing.equals(execution.getProcessInstanceId())) {
      return false;
    }
    boolean exists =
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(failing)
                .count()
            > 0;
    if (!exists) {
      trigger.recovered(groupKey);
    }
    return exists;
  }

  /**
   * Fails before anything is sent when the outcomes could not be handed over afterwards: a failure
   * after Salesforce's writes would roll them back in the queue only, and send them again.
   */
  private static void requireDeliveryProcess(DelegateExecution execution) {
    long deployed =
        execution
            .getProcessEngineServices()
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(MicroBatchVariables.DELIVER_PROCESS_KEY)
            .count();
    if (deployed == 0) {
      throw new SalesforceConfigurationException(
          "The micro-batch collector needs the process "
              + MicroBatchVariables.DELIVER_PROCESS_KEY
              + " (micro-batch-deliver.bpmn of sfactions-bpmn) to hand outcomes over; deploy it");
    }
  }

  /**
   * Starts the delivering instance of the claim's outcomes (its job commits with this transaction):
   * the collector goes on to the group's next flush while another job thread hands them over
   * (measured: one instance per flush did better than smaller chunks delivered in parallel).
   */
  private static void startDelivery(DelegateExecution execution, String claimId) {
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(MicroBatchVariables.DELIVER_MESSAGE)
        .setVariable(CLAIM_ID, claimId)
        .correlateStartMessage();
  }

  private static void sweep(
      DelegateExecution execution,
      BulkIngestRuntime runtime,
      MicroBatchStore store,
      Connection c,
      Date dueBefore) {
    int maxRecords = runtime.microBatch().settings().maxRecords();
    for (String group : runtime.store().groups(c, Delivery.MICRO_BATCH)) {
      if (!anotherFlushIsFailing(execution, runtime, group)
          && store.ready(c, group, maxRecords, dueBefore)) {
        execution
            .getProcessEngineServices()
            .getRuntimeService()
            .createMessageCorrelation(MicroBatchVariables.FLUSH_MESSAGE)
            .setVariable(GROUP_KEY, group)
            .correlateStartMessage();
      }
    }
  }

  private static void flush(
      DelegateExecution execution,
      BulkIngestRuntime runtime,
      MicroBatchStore store,
      ApiCallCounter calls,
      Connection c,
      List<MicroBatchStore.Claimed> rows,
      Date now) {
    String claimId = UUID.randomUUID().toString();
    long[] seqs = rows.stream().mapToLong(MicroBatchStore.Claimed::seq).toArray();
    int claimed = runtime.store().claim(c, seqs, claimId, now);
    if (claimed != seqs.length) {
      throw new IllegalStateException(
          "Claimed " + claimed + " of " + seqs.length + " micro-batch records holding the group");
    }
    MicroBatchStore.Claimed first = rows.get(0);
    List<MicroOutcome> outcomes = new ArrayList<>();
    List<MicroBatchStore.Claimed> sent = new ArrayList<>(rows.size());
    List<ActionRequest> requests = new ArrayList<>(rows.size());
    for (MicroBatchStore.Claimed row : rows) {
      try {
        requests.add(ActionRequestJson.read(row.requestJson()));
        sent.add(row);
      } catch (RuntimeException unreadable) {
        // a row changed by hand must not hold back its group: it fails alone, as an incident
        outcomes.add(MicroOutcomes.unreadable(row, unreadable));
      }
    }
    GroupExecutor.Report report =
        new GroupExecutor(calls.on(runtime.connections().client(first.connection())))
            .execute(requests);

    List<Long> putBack = new ArrayList<>();
    int written = 0;
    SalesforceApiException technical = report.stoppedBy();
    for (int i = 0; i < sent.size(); i++) {
      MicroBatchStore.Claimed row = sent.get(i);
      GroupExecutor.Outcome o = report.outcomes().get(i);
      if (o.result() != null) {
        written++;
        outcomes.add(MicroOutcomes.written(row, o.result()));
      } else if (o.failure() instanceof ActionException e) {
        outcomes.add(MicroOutcomes.rejected(row, e));
      } else if (o.failure() instanceof SalesforceApiException e && !e.retryable()) {
        outcomes.add(MicroOutcomes.failed(row, e));
      } else {
        if (technical == null && o.failure() instanceof SalesforceApiException e) {
          technical = e;
        }
        putBack.add(row.seq());
      }
    }
    String what = first.sobject() + " micro-batch";
    MicroBatchTrigger trigger = runtime.microBatch().trigger();
    String groupKey = (String) execution.getVariable(GROUP_KEY);
    if (!putBack.isEmpty() && written == 0) {
      // nothing reached Salesforce: rolling back loses nothing, and Camunda's retries apply
      trigger.failing(groupKey, execution.getProcessInstanceId());
      throw technical != null
          ? SalesforceConnectorException.of(SOURCE, what, technical)
          : new IllegalStateException(what + ": records were left unfinished without a failure");
    }
    trigger.recovered(groupKey);
    store.saveOutcomes(c, claimId, outcomes);
    if (!outcomes.isEmpty()) {
      startDelivery(execution, claimId);
    }
    if (!putBack.isEmpty()) {
      store.release(c, putBack);
      BulkLogger.microRecordsPutBack(
          putBack.size(), first.sobject(), technical == null ? "?" : technical.getMessage());
      execution.setVariable(MORE, true);
    }
    execution.setVariable(CLAIM_ID, claimId);
    execution.setVariable(RECORD_COUNT, outcomes.size());
    int apiCalls = report.apiCalls();
    long waited = now.getTime() - first.created().getTime();
    EngineTransaction.afterCommit(
        () ->
            runtime
                .microBatch()
                .listener()
                .flushed(first.connection(), first.sobject(), rows.size(), apiCalls, waited));
  }
}
