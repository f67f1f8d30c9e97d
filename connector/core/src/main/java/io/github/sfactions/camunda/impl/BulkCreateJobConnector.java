package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.EXTERNAL_ID_FIELD_NAME;
import static io.github.sfactions.camunda.BulkParameters.OPERATION;
import static io.github.sfactions.camunda.BulkParameters.SOBJECT;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ObjectNames;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkOperation;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-bulk-create-job}: opens an ingest job (sobject, operation, externalIdFieldName)
 * → jobId, state.
 */
public class BulkCreateJobConnector extends AbstractBulkConnector {

  public BulkCreateJobConnector() {
    super(
        SalesforceConnectorIds.BULK_CREATE_JOB, Set.of(SOBJECT, OPERATION, EXTERNAL_ID_FIELD_NAME));
  }

  @Override
  protected String describe(Map<String, Object> params) {
    return textOr(params, SOBJECT, "?") + " bulk " + textOr(params, OPERATION, "?") + " job";
  }

  @Override
  protected Map<String, Object> step(BulkIngest bulk, Map<String, Object> params) {
    String sobject = ObjectNames.validate(InputValues.text(SOBJECT, params.get(SOBJECT)));
    String operation = InputValues.text(OPERATION, params.get(OPERATION));
    String externalId =
        InputValues.text(EXTERNAL_ID_FIELD_NAME, params.get(EXTERNAL_ID_FIELD_NAME));
    BulkOperation op;
    try {
      op = BulkOperation.fromApiValue(operation == null ? "" : operation);
    } catch (IllegalArgumentException e) {
      throw new ActionException(
          "Invalid bulk operation - "
              + operation
              + " (expected insert, update, upsert, delete or hardDelete)",
          ActionMessages.CODE_INVALID_OPERATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (op == BulkOperation.UPSERT && externalId == null) {
      throw new ActionException(
          ActionMessages.BULK_EXTERNAL_ID_MISSING,
          ActionMessages.CODE_BULK_EXTERNAL_ID,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    BulkJobRequest request;
    try {
      request = new BulkJobRequest(sobject, op, op == BulkOperation.UPSERT ? externalId : null);
    } catch (IllegalArgumentException e) {
      throw new ActionException(
          e.getMessage(),
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return jobOutputs(bulk.createJob(request));
  }
}
