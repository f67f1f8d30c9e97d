package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CLAIM_ID;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CONNECTION;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CSV_BYTES;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.EXTERNAL_ID_FIELD;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.GROUP_KEY;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.MAX_UPLOAD_ATTEMPTS;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.OPERATION;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_INTERVAL;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORD_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.SOBJECT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.TRIGGER;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UPLOAD_ATTEMPTS;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import io.github.sfactions.client.BulkCsvSize;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

/**
 * "Claim queued records": releases abandoned claims, then takes one group's oldest unclaimed
 * records, as many as fit into one upload (at most {@code batchSize} records and {@code
 * maxCsvBytes} of CSV, measured exactly from the stored sizes). Runs started by the timer, by a
 * full group or by the previous claim take a batch only when it is full or due ({@link
 * BatchReadiness}); a flush message without a trigger takes whatever is queued.
 *
 * <p>A claim holds its group's row; a group whose row another claim holds is skipped at once, never
 * waited for. When a full or due batch is left afterwards, the run starts the next one (trigger
 * {@value BulkIngestVariables#TRIGGER_BACKLOG}), so a backlog drains in full batches without
 * waiting for the timer.
 */
public class ClaimBatchStep extends BulkStep {

  @Override
  protected void run(DelegateExecution execution, BulkIngestRuntime runtime, ApiCallCounter calls) {
    BulkIngestSettings settings = runtime.settings();
    BulkEntryStore store = runtime.store();
    Connection c = connection();
    Date now = ClockUtil.getCurrentTime();
    int released =
        store.releaseExpired(c, new Date(now.getTime() - settings.claimTimeout().toMillis()));
    if (released > 0) {
      BulkLogger.expiredClaimsReleased(released, settings.claimTimeout());
    }
    execution.setVariable(RECORD_COUNT, 0);
    boolean explicit = execution.getVariable(TRIGGER) == null;
    BatchReadiness readiness = runtime.readiness();
    for (String groupKey : candidates(execution, store, c, explicit)) {
      if (!store.tryLockGroup(c, groupKey)) {
        continue;
      }
      Cut cut = cut(store, c, groupKey, settings);
      if (cut.empty() || !(explicit || cut.full() || readiness.due(c, groupKey, now))) {
        continue;
      }
      claim(execution, runtime, c, groupKey, cut, now);
      startNextRunIfReady(execution, store, readiness, c, now);
      return;
    }
  }

  /** The groups to look at, in order: the run's own group first, then every other one. */
  private static List<String> candidates(
      DelegateExecution execution, BulkEntryStore store, Connection c, boolean explicit) {
    Set<String> groups = new LinkedHashSet<>();
    String own = (String) execution.getVariable(GROUP_KEY);
    if (own != null) {
      groups.add(own);
    }
    if (explicit && own == null) {
      store.oldestUnclaimedGroup(c).ifPresent(groups::add);
    }
    if (!explicit) {
      groups.addAll(store.groups(c));
    }
    return new ArrayList<>(groups);
  }

  private static void claim(
      DelegateExecution execution,
      BulkIngestRuntime runtime,
      Connection c,
      String groupKey,
      Cut cut,
      Date now) {
    BulkEntryStore store = runtime.store();
    BulkIngestSettings settings = runtime.settings();
    String claimId = UUID.randomUUID().toString();
    long[] seqs = cut.seqs();
    int claimed = store.claim(c, seqs, claimId, now);
    if (claimed != seqs.length) {
      // the group's row is held, so no other claim can have marked these rows
      throw new IllegalStateException(
          "Claimed " + claimed + " of " + seqs.length + " bulk records while holding the group");
    }
    GroupKey key = store.groupOfClaim(c, claimId).orElseThrow();
    execution.setVariable(GROUP_KEY, groupKey);
    execution.setVariable(CLAIM_ID, claimId);
    execution.setVariable(RECORD_COUNT, claimed);
    execution.setVariable(CSV_BYTES, cut.csvBytes());
    execution.setVariable(CONNECTION, key.connection());
    execution.setVariable(SOBJECT, key.sobject());
    execution.setVariable(OPERATION, key.operation().apiValue());
    execution.setVariable(EXTERNAL_ID_FIELD, key.idField());
    execution.setVariable(POLL_INTERVAL, settings.pollInterval().toString());
    execution.setVariable(POLL_COUNT, 0);
    execution.setVariable(UPLOAD_ATTEMPTS, 0);
    execution.setVariable(MAX_UPLOAD_ATTEMPTS, settings.maxUploadAttempts());
  }

  private static void startNextRunIfReady(
      DelegateExecution execution,
      BulkEntryStore store,
      BatchReadiness readiness,
      Connection c,
      Date now) {
    for (String groupKey : store.groups(c)) {
      if (readiness.ready(c, groupKey, now)) {
        execution
            .getProcessEngineServices()
            .getRuntimeService()
            .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
            .setVariables(
                Variables.createVariables()
                    .putValue(GROUP_KEY, groupKey)
                    .putValue(TRIGGER, BulkIngestVariables.TRIGGER_BACKLOG))
            .correlateStartMessage();
        return;
      }
    }
  }

  /**
   * The oldest unclaimed rows that fit into one upload, measured exactly from their stored sizes
   * and columns (never their cells).
   */
  private static Cut cut(
      BulkEntryStore store, Connection c, String groupKey, BulkIngestSettings settings) {
    Cut cut = new Cut(settings);
    store.unclaimed(c, groupKey, settings.batchSize(), cut);
    return cut;
  }

  /** The rows of one upload, as the claim reads them. */
  private static final class Cut implements BulkEntryStore.CandidateVisitor {
    private final BulkIngestSettings settings;
    private final BulkCsvSize size = new BulkCsvSize();
    private long[] seqs = new long[256];
    private int count;
    private boolean byteFull;

    Cut(BulkIngestSettings settings) {
      this.settings = settings;
    }

    @Override
    public boolean visit(long seq, long cellBytes, String columns, Date created) {
      List<String> columnList = RowCells.columnList(columns);
      if (count > 0 && size.sizeWith(columnList, cellBytes) > settings.maxCsvBytes()) {
        byteFull = true;
        return false;
      }
      size.add(columnList, cellBytes);
      if (count == seqs.length) {
        seqs = Arrays.copyOf(seqs, count * 2);
      }
      seqs[count++] = seq;
      return true;
    }

    long[] seqs() {
      return Arrays.copyOf(seqs, count);
    }

    boolean empty() {
      return count == 0;
    }

    /** The batch cannot take another record (by count or by bytes). */
    boolean full() {
      return byteFull || count >= settings.batchSize();
    }

    long csvBytes() {
      return size.size();
    }
  }
}
