package io.github.sfactions.emulator.bulk.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.emulator.bulk.BulkRecordStore;
import java.math.BigDecimal;
import java.time.Instant;

/** Turns a create-job JSON body into a {@link JobSpec}, refusing a bad definition with 400. */
public final class JobSpecParser {

  /** JSON property names of a job definition. */
  public static final String OBJECT = "object";

  public static final String OPERATION = "operation";
  public static final String EXTERNAL_ID_FIELD_NAME = "externalIdFieldName";
  public static final String CONTENT_TYPE = "contentType";
  public static final String LINE_ENDING = "lineEnding";
  public static final String COLUMN_DELIMITER = "columnDelimiter";
  public static final String ASSIGNMENT_RULE_ID = "assignmentRuleId";

  private static final String CSV = "CSV";

  /** Key prefix of Bulk job ids. */
  private static final String JOB_KEY_PREFIX = "750";

  private JobSpecParser() {}

  /** Validates {@code body} and assigns the new job's id. */
  public static JobSpec parse(
      ObjectNode body, BigDecimal apiVersion, BulkRecordStore store, Instant now) {
    String objectName = RequestBodies.optionalText(body, OBJECT);
    if (objectName == null || objectName.isBlank()) {
      throw BulkApiException.invalidJob("Required property is missing: " + OBJECT);
    }
    String object =
        store
            .canonicalObjectName(objectName)
            .orElseThrow(
                () ->
                    BulkApiException.invalidJob(
                        "sObject type '" + objectName + "' is not supported"));

    String operationName = RequestBodies.optionalText(body, OPERATION);
    if (operationName == null || operationName.isBlank()) {
      throw BulkApiException.invalidJob("Required property is missing: " + OPERATION);
    }
    JobOperation operation =
        JobOperation.fromApiName(operationName)
            .orElseThrow(
                () ->
                    BulkApiException.invalidJob(
                        "Invalid operation '"
                            + operationName
                            + "'; valid operations are "
                            + JobOperation.allApiNames()));

    String externalId = null;
    if (operation == JobOperation.UPSERT) {
      String requested = RequestBodies.optionalText(body, EXTERNAL_ID_FIELD_NAME);
      if (requested == null || requested.isBlank()) {
        throw BulkApiException.invalidJob(
            "Property '" + EXTERNAL_ID_FIELD_NAME + "' is required for upsert");
      }
      externalId =
          store
              .canonicalFieldName(object, requested)
              .orElseThrow(
                  () ->
                      BulkApiException.invalidJob(
                          "Provided external ID field does not exist or is not accessible: "
                              + requested));
    }

    String contentType = RequestBodies.optionalText(body, CONTENT_TYPE);
    if (contentType != null && !CSV.equals(contentType)) {
      throw BulkApiException.invalidJob(
          "Invalid contentType '" + contentType + "'; only CSV is supported");
    }
    String lineEndingName = RequestBodies.optionalText(body, LINE_ENDING);
    LineEnding lineEnding =
        lineEndingName == null
            ? LineEnding.LF
            : LineEnding.fromApiName(lineEndingName)
                .orElseThrow(
                    () ->
                        BulkApiException.invalidJob(
                            "Invalid lineEnding '" + lineEndingName + "'; use LF or CRLF"));
    String delimiterName = RequestBodies.optionalText(body, COLUMN_DELIMITER);
    ColumnDelimiter delimiter =
        delimiterName == null
            ? ColumnDelimiter.COMMA
            : ColumnDelimiter.fromApiName(delimiterName)
                .orElseThrow(
                    () ->
                        BulkApiException.invalidJob(
                            "Invalid columnDelimiter '"
                                + delimiterName
                                + "'; valid delimiters are "
                                + ColumnDelimiter.allApiNames()));
    String assignmentRuleId = RequestBodies.optionalText(body, ASSIGNMENT_RULE_ID);

    return new JobSpec(
        store.newId(JOB_KEY_PREFIX),
        object,
        operation,
        externalId,
        lineEnding,
        delimiter,
        assignmentRuleId,
        apiVersion,
        store.userId(),
        now);
  }
}
