package io.github.sfactions.camunda;

import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.BulkRecord;
import io.github.sfactions.action.Delivery;

/**
 * One record waiting for a batched delivery.
 *
 * @param connection the connection name the record goes through
 * @param delivery {@link Delivery#BULK} or {@link Delivery#MICRO_BATCH}
 * @param record bulk delivery: the validated record (object, bulk operation, id column and value,
 *     CSV fields; records with equal {@link BulkRecord#jobKey()} can share one job); null for
 *     micro-batch delivery, which sends the request itself
 * @param request the action request as given, validated by the REST rules for micro-batch delivery
 *     (what a micro-batch collector sends, with single-record semantics)
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
