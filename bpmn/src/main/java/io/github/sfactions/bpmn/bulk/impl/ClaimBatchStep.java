package io.github.sfactions.bpmn.bulk.impl;

import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CLAIM_ID;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.CONNECTION;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.EXTERNAL_ID_FIELD;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.GROUP_KEY;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.MAX_UPLOAD_ATTEMPTS;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.OPERATION;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.POLL_INTERVAL;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.RECORD_COUNT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.SOBJECT;
import static io.github.sfactions.bpmn.bulk.BulkIngestVariables.UPLOAD_ATTEMPTS;

import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.bpmn.bulk.BulkIngestSettings;
import io.github.sfactions.bpmn.bulk.BulkIngestVariables;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Claim queued records": releases abandoned claims, then takes up to {@code batchSize} unclaimed
 * records (and at most {@code maxCsvBytes} of CSV) of one group, the given {@code groupKey} or else
 * the oldest queued group. When more records wait afterwards it starts another run, so a backlog
 * drains without waiting for the timer.
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
    Optional<String> group =
        Optional.ofNullable((String) execution.getVariable(GROUP_KEY))
            .or(() -> store.oldestUnclaimedGroup(c));
    if (group.isEmpty()) {
      return;
    }
    String groupKey = group.get();
    store.ensureGroup(groupKey, now);
    store.lockGroup(c, groupKey);
    List<Long> seqs =
        fitting(store.unclaimed(c, groupKey, settings.batchSize()), settings.maxCsvBytes());
    if (seqs.isEmpty()) {
      return;
    }
    String claimId = UUID.randomUUID().toString();
    // the rows are the oldest unclaimed ones in row-id order, so the batch is the id range
    // first..last
    int claimed = store.claim(c, groupKey, seqs.get(0), seqs.get(seqs.size() - 1), claimId, now);
    if (claimed != seqs.size()) {
      // cannot happen while the group lock holds, unless a row queued in a transaction that
      // committed after the
      // read falls into the range; rolling back and retrying is the safe answer either way
      throw new IllegalStateException(
          "Claimed "
              + claimed
              + " of "
              + seqs.size()
              + " bulk records: the queue"
              + " changed during the claim; the claim is rolled back and retried");
    }
    GroupKey key = store.groupOfClaim(c, claimId).orElseThrow();
    execution.setVariable(GROUP_KEY, groupKey);
    execution.setVariable(CLAIM_ID, claimId);
    execution.setVariable(RECORD_COUNT, claimed);
    execution.setVariable(CONNECTION, key.connection());
    execution.setVariable(SOBJECT, key.sobject());
    execution.setVariable(OPERATION, key.operation().apiValue());
    execution.setVariable(EXTERNAL_ID_FIELD, key.idField());
    execution.setVariable(POLL_INTERVAL, settings.pollInterval().toString());
    execution.setVariable(POLL_COUNT, 0);
    execution.setVariable(UPLOAD_ATTEMPTS, 0);
    execution.setVariable(MAX_UPLOAD_ATTEMPTS, settings.maxUploadAttempts());
    if (store.oldestUnclaimedGroup(c).isPresent()) {
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .createMessageCorrelation(BulkIngestVariables.FLUSH_MESSAGE)
          .correlateStartMessage();
    }
  }

  /** The oldest rows whose CSV fits into one upload together. */
  private static List<Long> fitting(List<long[]> rows, long maxCsvBytes) {
    long budget = maxCsvBytes - JdbcBulkQueue.HEADER_ALLOWANCE;
    long used = 0;
    List<Long> seqs = new ArrayList<>(rows.size());
    for (long[] row : rows) {
      if (used + row[1] > budget && !seqs.isEmpty()) {
        break;
      }
      used += row[1];
      seqs.add(row[0]);
    }
    return seqs;
  }
}
