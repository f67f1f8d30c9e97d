package io.github.sfactions.emulator.bulk.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders JobInfo JSON in Salesforce's key order: the short form (create/close/list) and the full
 * form.
 */
public final class JobInfoJson {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'").withZone(ZoneOffset.UTC);

  private JobInfoJson() {}

  /** The short form returned by create, PATCH and the job list: no counters. */
  public static ObjectNode shortForm(JobSnapshot job) {
    JobSpec spec = job.spec();
    ObjectNode node = Responses.mapper().createObjectNode();
    node.put("id", spec.id());
    node.put("operation", spec.operation().apiName());
    node.put("object", spec.object());
    node.put("createdById", spec.createdById());
    node.put("createdDate", format(spec.createdDate()));
    node.put("systemModstamp", format(job.systemModstamp()));
    node.put("state", job.state().name());
    if (spec.externalIdFieldName() != null) {
      node.put("externalIdFieldName", spec.externalIdFieldName());
    }
    if (spec.assignmentRuleId() != null) {
      node.put("assignmentRuleId", spec.assignmentRuleId());
    }
    node.put("concurrencyMode", "Parallel");
    node.put("contentType", "CSV");
    node.put("apiVersion", spec.apiVersion());
    node.put("jobType", "V2Ingest");
    node.put("contentUrl", spec.contentUrl());
    node.put("lineEnding", spec.lineEnding().name());
    node.put("columnDelimiter", spec.columnDelimiter().name());
    return node;
  }

  /** The full form of {@code GET /jobs/ingest/{id}}: short form plus counters and the failure. */
  public static ObjectNode fullForm(JobSnapshot job) {
    ObjectNode node = shortForm(job);
    node.put("numberRecordsProcessed", job.recordsProcessed());
    node.put("numberRecordsFailed", job.recordsFailed());
    node.put("retries", 0);
    node.put("totalProcessingTime", job.totalProcessingMillis());
    node.put("apiActiveProcessingTime", job.activeProcessingMillis());
    node.put("apexProcessingTime", 0);
    if (job.errorMessage() != null) {
      node.put("errorMessage", job.errorMessage());
    }
    return node;
  }

  /** The job list {@code {"done":true,"records":[...],"nextRecordsUrl":null}}. */
  public static ObjectNode list(List<JobSnapshot> jobs) {
    ObjectNode node = Responses.mapper().createObjectNode();
    node.put("done", true);
    var records = node.putArray("records");
    jobs.forEach(j -> records.add(shortForm(j)));
    node.putNull("nextRecordsUrl");
    return node;
  }

  /** Salesforce's datetime format, always UTC. */
  public static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
