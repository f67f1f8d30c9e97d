package io.github.sfactions.action;

import io.github.sfactions.action.impl.RecordBody;
import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.BulkOperation;
import io.github.sfactions.client.SoqlBuildException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference's bulk rules for one record (§8.1): validation in its order and with its messages,
 * and the CSV cells the record becomes (a field a record does not have is an empty cell, deviation
 * 3). The action connectors validate each record with {@link #of(ActionRequest)} before queueing
 * it; the BPMN bulk steps then group the queued records by {@link BulkRecord#jobKey()} and send
 * them.
 */
public final class BulkRecords {

  private BulkRecords() {}

  /**
   * Validates one payload (§8.1) and returns its job and row.
   *
   * @throws ActionException with the reference's message when it is rejected
   */
  public static BulkRecord of(ActionRequest payload) {
    String sobject = ObjectNames.of(payload);
    Operation operation = resolveOperation(payload);
    if (operation == Operation.UPSERT) {
      RequiredFields.check(
          payload.type(), RecordBody.standardValues(payload.type(), payload.fields(), true));
    }
    if (payload.type().isCustomObject() && payload.otherFields() == null) {
      throw new ActionException(
          ActionMessages.CUSTOM_FIELDS_REQUIRED,
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (!isBatched(payload)) {
      throw new ActionException(
          ActionMessages.BULK_NOT_ENABLED,
          ActionMessages.BULK_NOT_ENABLED,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return switch (operation) {
      case DELETE ->
          throw new ActionException(
              ActionMessages.BULK_DELETE_UNSUPPORTED,
              ActionMessages.CODE_UNSUPPORTED_OPERATION,
              ActionMessages.STATUS_BAD_REQUEST);
      case UPSERT -> {
        if (isBlank(payload.bulkUpsertExternalIdName())
            || isBlank(payload.bulkUpsertExternalIdValue())) {
          throw new ActionException(
              ActionMessages.BULK_EXTERNAL_ID_MISSING,
              ActionMessages.CODE_BULK_EXTERNAL_ID,
              ActionMessages.STATUS_BAD_REQUEST);
        }
        yield new BulkRecord(
            sobject,
            BulkOperation.UPSERT,
            payload.bulkUpsertExternalIdName(),
            payload.bulkUpsertExternalIdValue(),
            cells(payload));
      }
      case UPDATE -> {
        if (isBlank(payload.bulkUpdateRecordId())) {
          throw new ActionException(
              ActionMessages.BULK_RECORD_ID_MISSING,
              ActionMessages.CODE_BULK_RECORD_ID,
              ActionMessages.STATUS_BAD_REQUEST);
        }
        yield new BulkRecord(
            sobject, BulkOperation.UPDATE, "Id", payload.bulkUpdateRecordId(), cells(payload));
      }
      case CREATE -> new BulkRecord(sobject, BulkOperation.INSERT, null, null, cells(payload));
    };
  }

  /**
   * True when the payload asks for a batched delivery ({@code useBulkApi=true} or a queued
   * delivery).
   */
  public static boolean isBatched(ActionRequest payload) {
    if (Boolean.TRUE.equals(payload.useBulkApi())) {
      return true;
    }
    return payload.delivery() != null
        && Delivery.fromValue(payload.delivery()).map(Delivery::isQueued).orElse(false);
  }

  private static Operation resolveOperation(ActionRequest payload) {
    try {
      return OperationResolver.resolve(payload);
    } catch (ActionException e) {
      if (ActionMessages.SYNC_MODE_REQUIRED.equals(e.getMessage())) {
        throw new ActionException(
            ActionMessages.BULK_SYNC_MODE_REQUIRED,
            ActionMessages.CODE_UNDEFINED_SYNC_MODE,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      throw e;
    }
  }

  private static Map<String, Object> cells(ActionRequest payload) {
    if (payload.otherFields() != null) {
      for (String name : payload.otherFields().keySet()) {
        if (name.indexOf(',') >= 0) {
          throw new ActionException(
              ActionMessages.INVALID_CHARACTER_PREFIX + name,
              ActionMessages.INVALID_CHARACTER_PREFIX + name,
              ActionMessages.STATUS_BAD_REQUEST);
        }
      }
    }
    Map<String, Object> cells =
        RecordBody.build(payload.type(), payload.fields(), payload.otherFields(), true);
    for (String name : cells.keySet()) {
      try {
        BulkCsvWriter.requireColumn(name);
      } catch (SoqlBuildException e) {
        throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
      }
    }
    return new LinkedHashMap<>(cells);
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }
}
