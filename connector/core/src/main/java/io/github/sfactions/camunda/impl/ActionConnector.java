package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionExecutor;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.ActionResult;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.BulkRecord;
import io.github.sfactions.action.BulkRecords;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.action.Outcome;
import io.github.sfactions.action.PreparedAction;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueueEntry;
import io.github.sfactions.camunda.BulkQueues;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.RecordLocks;
import io.github.sfactions.camunda.SalesforceConfigurationException;
import io.github.sfactions.camunda.SalesforceConnections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * One of the six Segment action connectors ({@code salesforce-lead} ... {@code
 * salesforce-custom-object}): REST delivery runs the action now; a batched delivery validates the
 * record (bulk: the reference's bulk rules; micro-batch: the REST rules) and hands it to the {@link
 * BulkQueue}.
 */
public class ActionConnector extends AbstractSalesforceConnector {

  private final ActionType type;
  private final Set<String> inputNames;

  public ActionConnector(String connectorId, ActionType type) {
    super(connectorId);
    this.type = type;
    this.inputNames = ActionInputs.names(type);
  }

  @Override
  protected Set<String> inputNames() {
    return inputNames;
  }

  @Override
  protected String describe(Map<String, Object> params) {
    String object =
        type.sobject().orElseGet(() -> textOr(params, ActionParameters.SOBJECT, "custom object"));
    String op =
        textOr(params, ActionParameters.OPERATION, textOr(params, ActionParameters.SYNC_MODE, "?"));
    return object + " " + op;
  }

  @Override
  protected Map<String, Object> perform(Map<String, Object> params) {
    ActionRequest request = ActionInputs.toRequest(type, params);
    Delivery delivery = ActionInputs.delivery(request);
    if (delivery.isQueued()) {
      return enqueue(
          request,
          delivery,
          InputValues.text(ActionParameters.CONNECTION, params.get(ActionParameters.CONNECTION)));
    }
    String connection =
        InputValues.text(ActionParameters.CONNECTION, params.get(ActionParameters.CONNECTION));
    ActionResult result =
        new ActionExecutor(client(params), RecordLocks.guard(connection)).execute(request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(ActionParameters.RECORD_ID, result.recordId());
    out.put(ActionParameters.RESULT, result.outcome().value());
    out.put(ActionParameters.MATCH_COUNT, result.matchCount());
    out.put(ActionParameters.STATUS_CODE, result.statusCode());
    out.put(ActionParameters.API_CALLS, result.apiCalls());
    return out;
  }

  private Map<String, Object> enqueue(ActionRequest request, Delivery delivery, String connection) {
    BulkRecord record = null;
    if (delivery == Delivery.MICRO_BATCH) {
      // a micro-batched record keeps the single-record semantics: what REST would refuse before
      // any call is refused now, with the same error, instead of after a wait in the queue
      PreparedAction.prepare(request);
    } else {
      record = BulkRecords.of(request.toBuilder().delivery(delivery.value()).build());
    }
    BulkQueue queue =
        BulkQueues.current()
            .orElseThrow(
                () ->
                    new SalesforceConfigurationException(
                        connectorId
                            + ": delivery="
                            + delivery.value()
                            + " needs a BulkQueue, and none is registered (register one"
                            + " with io.github.sfactions.camunda.BulkQueues.register, or use delivery=rest)"));
    ExecutionEntity execution = ExecutionSupport.currentExecution().orElse(null);
    String entryId =
        queue.enqueue(
            new BulkQueueEntry(
                connection == null ? SalesforceConnections.DEFAULT_CONNECTION : connection,
                delivery,
                record,
                request,
                execution == null ? null : execution.getProcessInstanceId(),
                execution == null ? null : execution.getId(),
                execution == null ? null : execution.getActivityId(),
                execution == null ? null : execution.getTenantId()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(ActionParameters.RECORD_ID, null);
    out.put(ActionParameters.RESULT, Outcome.QUEUED.value());
    out.put(ActionParameters.MATCH_COUNT, null);
    out.put(ActionParameters.STATUS_CODE, ActionParameters.STATUS_QUEUED);
    out.put(ActionParameters.API_CALLS, 0);
    out.put(ActionParameters.QUEUE_ENTRY_ID, entryId);
    return out;
  }
}
