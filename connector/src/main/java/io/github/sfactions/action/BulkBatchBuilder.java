package io.github.sfactions.action;

import io.github.sfactions.action.impl.ObjectNames;
import io.github.sfactions.action.impl.OperationResolver;
import io.github.sfactions.action.impl.RecordBody;
import io.github.sfactions.action.impl.RequiredFields;
import io.github.sfactions.client.BulkBatch;
import io.github.sfactions.client.BulkBatchSplitter;
import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.BulkOperation;
import io.github.sfactions.client.SoqlBuildException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns action payloads into a Bulk API 2.0 job plan, following the reference's bulk rules (§8): validation in
 * its order and with its messages, CSV columns in its order (payloads walked from last to first, fields in
 * their order, the id column last), with our deviations: a field a record does not have is an empty cell
 * (deviation 3), and batches are cut by record count and CSV size (deviation 5).
 *
 * <p>As in the reference, the first payload decides the operation, the object and the id column; every record
 * supplies its own id value. Use {@link #record(ActionRequest)} to validate one record on its own (what the
 * action connectors do before queueing it).
 */
public final class BulkBatchBuilder {

  private final List<ActionRequest> payloads = new ArrayList<>();
  private BulkBatchSplitter splitter = BulkBatchSplitter.defaults();

  /** A builder that cuts batches at 5000 records or 100 MB of CSV. */
  public static BulkBatchBuilder create() {
    return new BulkBatchBuilder();
  }

  /** Changes where batches are cut. */
  public BulkBatchBuilder splitter(BulkBatchSplitter splitter) {
    this.splitter = java.util.Objects.requireNonNull(splitter, "splitter");
    return this;
  }

  /** Adds one payload (in batch order). */
  public BulkBatchBuilder add(ActionRequest payload) {
    payloads.add(java.util.Objects.requireNonNull(payload, "payload"));
    return this;
  }

  /** Adds payloads (in batch order). */
  public BulkBatchBuilder addAll(List<ActionRequest> more) {
    more.forEach(this::add);
    return this;
  }

  /**
   * Validates the batch and builds the plan.
   *
   * @throws ActionException with the reference's message when the batch is rejected
   */
  public BulkJobPlan build() {
    if (payloads.isEmpty()) {
      throw new IllegalStateException("A bulk batch needs at least one payload");
    }
    ActionRequest first = payloads.get(0);
    BulkRecord firstRecord = record(first);
    List<Map<String, Object>> rows = new ArrayList<>(payloads.size());
    rows.add(firstRecord.row());
    for (ActionRequest payload : payloads.subList(1, payloads.size())) {
      if (payload.type() != first.type()) {
        throw new IllegalArgumentException("A bulk batch holds payloads of one action; got " + first.type()
            + " and " + payload.type());
      }
      rows.add(rowFor(payload, firstRecord));
    }
    List<BulkBatch<Map<String, Object>>> batches = new ArrayList<>();
    try {
      for (BulkBatch<Map<String, Object>> batch : splitter.split(rows)) {
        batches.add(new BulkBatch<>(columns(batch.records(), firstRecord.idColumn()), batch.records(),
            batch.csvBytes()));
      }
    } catch (SoqlBuildException e) {
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    } catch (IllegalArgumentException e) {
      throw new ActionException(e.getMessage(), ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return new BulkJobPlan(firstRecord.jobKey(), firstRecord.idColumn(), batches);
  }

  /**
   * Validates one payload as the first of a batch (§8.1) and returns its job and row.
   *
   * @throws ActionException with the reference's message when it is rejected
   */
  public static BulkRecord record(ActionRequest payload) {
    String sobject = ObjectNames.of(payload);
    Operation operation = resolveOperation(payload);
    if (operation == Operation.UPSERT) {
      RequiredFields.check(payload.type(), RecordBody.standardValues(payload.type(), payload.fields(), true));
    }
    if (payload.type().isCustomObject() && payload.otherFields() == null) {
      throw new ActionException(ActionMessages.CUSTOM_FIELDS_REQUIRED, ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    if (!isBatched(payload)) {
      throw new ActionException(ActionMessages.BULK_NOT_ENABLED, ActionMessages.BULK_NOT_ENABLED,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return switch (operation) {
      case DELETE -> throw new ActionException(ActionMessages.BULK_DELETE_UNSUPPORTED,
          ActionMessages.CODE_UNSUPPORTED_OPERATION, ActionMessages.STATUS_BAD_REQUEST);
      case UPSERT -> {
        if (isBlank(payload.bulkUpsertExternalIdName()) || isBlank(payload.bulkUpsertExternalIdValue())) {
          throw new ActionException(ActionMessages.BULK_EXTERNAL_ID_MISSING, ActionMessages.CODE_BULK_EXTERNAL_ID,
              ActionMessages.STATUS_BAD_REQUEST);
        }
        yield new BulkRecord(sobject, BulkOperation.UPSERT, payload.bulkUpsertExternalIdName(),
            payload.bulkUpsertExternalIdValue(), cells(payload));
      }
      case UPDATE -> {
        if (isBlank(payload.bulkUpdateRecordId())) {
          throw new ActionException(ActionMessages.BULK_RECORD_ID_MISSING, ActionMessages.CODE_BULK_RECORD_ID,
              ActionMessages.STATUS_BAD_REQUEST);
        }
        yield new BulkRecord(sobject, BulkOperation.UPDATE, "Id", payload.bulkUpdateRecordId(), cells(payload));
      }
      case CREATE -> new BulkRecord(sobject, BulkOperation.INSERT, null, null, cells(payload));
    };
  }

  /** True when the payload asks for a batched delivery ({@code useBulkApi=true} or a queued delivery). */
  public static boolean isBatched(ActionRequest payload) {
    if (Boolean.TRUE.equals(payload.useBulkApi())) {
      return true;
    }
    return payload.delivery() != null && Delivery.fromValue(payload.delivery()).map(Delivery::isQueued)
        .orElse(false);
  }

  private static Map<String, Object> rowFor(ActionRequest payload, BulkRecord first) {
    Object id = switch (first.operation()) {
      case UPSERT -> payload.bulkUpsertExternalIdValue();
      case UPDATE -> payload.bulkUpdateRecordId();
      default -> null;
    };
    return new BulkRecord(first.sobject(), first.operation(), first.idColumn(), id, cells(payload)).row();
  }

  private static Operation resolveOperation(ActionRequest payload) {
    try {
      return OperationResolver.resolve(payload);
    } catch (ActionException e) {
      if (ActionMessages.SYNC_MODE_REQUIRED.equals(e.getMessage())) {
        throw new ActionException(ActionMessages.BULK_SYNC_MODE_REQUIRED, ActionMessages.CODE_UNDEFINED_SYNC_MODE,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      throw e;
    }
  }

  private static Map<String, Object> cells(ActionRequest payload) {
    if (payload.otherFields() != null) {
      for (String name : payload.otherFields().keySet()) {
        if (name.indexOf(',') >= 0) {
          throw new ActionException(ActionMessages.INVALID_CHARACTER_PREFIX + name,
              ActionMessages.INVALID_CHARACTER_PREFIX + name, ActionMessages.STATUS_BAD_REQUEST);
        }
      }
    }
    Map<String, Object> cells = RecordBody.build(payload.type(), payload.fields(), payload.otherFields(), true);
    for (String name : cells.keySet()) {
      try {
        BulkCsvWriter.requireColumn(name);
      } catch (SoqlBuildException e) {
        throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
      }
    }
    return new LinkedHashMap<>(cells);
  }

  /** Columns in the reference's order: payloads from last to first, fields in their order; the id column last. */
  static List<String> columns(List<Map<String, Object>> rows, String idColumn) {
    Set<String> seenLowerCase = new LinkedHashSet<>();
    List<String> columns = new ArrayList<>();
    for (int i = rows.size() - 1; i >= 0; i--) {
      for (String name : rows.get(i).keySet()) {
        if (idColumn != null && name.equalsIgnoreCase(idColumn)) {
          continue;
        }
        if (seenLowerCase.add(name.toLowerCase(java.util.Locale.ROOT))) {
          columns.add(name);
        }
      }
    }
    if (idColumn != null) {
      columns.add(idColumn);
    }
    return columns;
  }

  private static boolean isBlank(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }
}
