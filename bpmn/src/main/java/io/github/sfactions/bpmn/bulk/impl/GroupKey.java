package io.github.sfactions.bpmn.bulk.impl;

import io.github.sfactions.action.BulkRecord;
import io.github.sfactions.client.BulkJobRequest;
import io.github.sfactions.client.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What records must share to travel in one Bulk API job: connection, object, operation and (upsert)
 * external id field. Stored as a fixed-length hash so the index stays small whatever the names.
 *
 * @param connection connection name
 * @param sobject object API name
 * @param operation bulk operation
 * @param idField the upsert external id field, else null
 */
public record GroupKey(String connection, String sobject, BulkOperation operation, String idField) {

  /** The group of a validated record. */
  public static GroupKey of(String connection, BulkRecord record) {
    BulkRecord.JobKey job = record.jobKey();
    return new GroupKey(connection, job.sobject(), job.operation(), job.externalIdFieldName());
  }

  /**
   * The 64-character key stored in the queue rows (object and field names compared
   * case-insensitively).
   */
  public String hash() {
    String text =
        connection
            + '\n'
            + sobject.toLowerCase(Locale.ROOT)
            + '\n'
            + operation.name()
            + '\n'
            + (idField == null ? "" : idField.toLowerCase(Locale.ROOT));
    return digest(text);
  }

  /** The 64-character SHA-256 hex digest of a group's text (the key of its rows). */
  static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The create-job request for this group. */
  public BulkJobRequest jobRequest() {
    return new BulkJobRequest(sobject, operation, idField);
  }
}
