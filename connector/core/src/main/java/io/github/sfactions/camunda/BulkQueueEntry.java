package io.github.sfactions.camunda;

import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.BulkRecord;
import io.github.sfactions.action.Delivery;

/**
 * One record waiting for a batched delivery.
 *
 * @param connection the connection name the record goes through
 * @param delivery {@link Delivery#BULK} or {@link Delivery#MICRO_BATCH}
 * @param record the validated record: object, bulk operation, id column and value, CSV fields;
 *     records with equal {@link BulkRecord#jobKey()} can share one job
 * @param request the action request as given (for implementations that want to store the original
 *     inputs)
 * @param processInstanceId the instance that queued it, or null outside a process
 * @param executionId the execution that queued it, or null outside a process
 * @param activityId the activity that queued it, or null outside a process
 * @param tenantId the tenant of the process instance, or null
 */
public record BulkQueueEntry(
    String connection,
    Delivery delivery,
    BulkRecord record,
    ActionRequest request,
    String processInstanceId,
    String executionId,
    String activityId,
    String tenantId) {}
