package io.github.sfactions.emulator.bulk.impl;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The immutable definition of an ingest job, as accepted at creation.
 *
 * @param id 18-character job id
 * @param object canonical sObject name
 * @param operation the write operation
 * @param externalIdFieldName canonical external id field; {@code null} unless upsert
 * @param lineEnding record separator of the upload
 * @param columnDelimiter column delimiter of the upload
 * @param assignmentRuleId optional assignment rule id, echoed in job info; may be {@code null}
 * @param apiVersion API version the job was created with, e.g. {@code 62.0}
 * @param createdById id of the user who created the job
 * @param createdDate creation time
 */
public record JobSpec(
    String id,
    String object,
    JobOperation operation,
    String externalIdFieldName,
    LineEnding lineEnding,
    ColumnDelimiter columnDelimiter,
    String assignmentRuleId,
    BigDecimal apiVersion,
    String createdById,
    Instant createdDate) {

  /** The relative URL clients PUT their CSV to (Salesforce omits the leading slash). */
  public String contentUrl() {
    return "services/data/v" + apiVersion.toPlainString() + "/jobs/ingest/" + id + "/batches";
  }
}
