package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkOperation;
import java.util.Objects;

/**
 * Where a back-fill's records go: one object, one Bulk API operation, one connection.
 *
 * @param name a name to recognise the back-fill by (e.g. the file's name)
 * @param connection the connection name
 * @param sobject the object API name, e.g. {@code Lead}
 * @param operation {@code INSERT}, {@code UPDATE} (each record holds {@code Id}) or {@code UPSERT}
 *     (each record holds {@code externalIdField})
 * @param externalIdField the upsert key field, null for insert and update
 * @throws IllegalArgumentException for another operation, an upsert without its key field, or an
 *     object or field name that is not a Salesforce API name (the message names it)
 */
public record BackfillTarget(
    String name,
    String connection,
    String sobject,
    BulkOperation operation,
    String externalIdField) {

  public BackfillTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(sobject, "sobject");
    Objects.requireNonNull(operation, "operation");
    if (operation == BulkOperation.UPSERT
        && (externalIdField == null || externalIdField.isBlank())) {
      throw new IllegalArgumentException("An upsert back-fill needs its externalIdField");
    }
    if (operation != BulkOperation.INSERT
        && operation != BulkOperation.UPDATE
        && operation != BulkOperation.UPSERT) {
      throw new IllegalArgumentException(
          "A back-fill inserts, updates or upserts; not " + operation.apiValue());
    }
    if (operation != BulkOperation.UPSERT) {
      externalIdField = null;
    }
    // the job this back-fill will create checks the object and key field names: refuse a bad one
    // now, before any record is queued for a job Salesforce would refuse
    new BulkJobRequest(sobject, operation, externalIdField);
  }

  /** The field every record must have: the external id for upsert, {@code Id} for update. */
  public String keyField() {
    return switch (operation) {
      case UPSERT -> externalIdField;
      case UPDATE -> "Id";
      default -> null;
    };
  }
}
