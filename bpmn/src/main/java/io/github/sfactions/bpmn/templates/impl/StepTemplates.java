package io.github.sfactions.bpmn.templates.impl;

import static io.github.sfactions.bpmn.templates.impl.CommonParts.CONNECTION;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.EXECUTION;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.INPUT;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.MATCH;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.OUTPUT;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.output;

import io.github.sfactions.bpmn.templates.ElementTemplate;
import io.github.sfactions.bpmn.templates.ElementTemplate.Group;
import io.github.sfactions.bpmn.templates.TemplateBinding;
import io.github.sfactions.bpmn.templates.TemplateProperty;
import io.github.sfactions.bpmn.templates.TemplateScope;
import io.github.sfactions.camunda.BulkParameters;
import io.github.sfactions.camunda.FindRecordsParameters;
import io.github.sfactions.camunda.RecordParameters;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Templates of the step connectors for explicit modelling: {@code salesforce-find-records}, the
 * four writes of {@code salesforce-record}, and the six Bulk API 2.0 steps.
 */
public final class StepTemplates {

  private static final String ID_PREFIX = "io.github.sfactions.salesforce.";
  private static final List<Group> STEP_GROUPS = List.of(INPUT, OUTPUT, CONNECTION, EXECUTION);

  private StepTemplates() {}

  /** "Salesforce: Find records". */
  public static ElementTemplate findRecords() {
    List<TemplateProperty> connector = new ArrayList<>();
    connector.add(CommonParts.connectorId(SalesforceConnectorIds.FIND_RECORDS));
    connector.add(sobject(MATCH));
    connector.add(
        TemplateProperty.text(
                "Record matchers (JSON or ${expression})",
                "Field API name → value: SELECT "
                    + "Id FROM the object WHERE each matcher, in order. Strings, numbers and booleans. Empty: 400.",
                MATCH.id(),
                TemplateBinding.input(FindRecordsParameters.RECORD_MATCHERS))
            .required()
            .withPlaceholder("{\"Email\": \"${email}\"}"));
    connector.add(
        TemplateProperty.dropdown(
            "Matcher operator",
            "OR (default): any matcher; AND: every matcher.",
            MATCH.id(),
            TemplateBinding.input(FindRecordsParameters.RECORD_MATCHERS_OPERATOR),
            CommonParts.OPERATORS));
    connector.add(
        TemplateProperty.string(
                "Most Ids returned",
                "1 to "
                    + FindRecordsParameters.MAX_MAX_RECORDS
                    + " (one query page, so always 1 API call). matchCount is the full count even when larger.",
                MATCH.id(),
                TemplateBinding.input(FindRecordsParameters.MAX_RECORDS))
            .withValue(String.valueOf(FindRecordsParameters.DEFAULT_MAX_RECORDS))
            .withPattern(
                "^([1-9][0-9]{0,3}|\\$\\{.+\\})$", "A number from 1 to 2000 or ${expression}"));
    connector.add(CommonParts.connection());
    connector.add(
        output(
            "Match count into variable",
            "How many records match (0 and many are not errors: branch " + "on it with a gateway).",
            FindRecordsParameters.MATCH_COUNT,
            "matchCount"));
    connector.add(
        output(
            "Record Id into variable",
            "The Id when exactly one record matches, else null.",
            FindRecordsParameters.RECORD_ID,
            "recordId"));
    connector.add(
        output(
            "Record Ids into variable",
            "The matching Ids as a JSON array string.",
            FindRecordsParameters.RECORD_IDS_JSON,
            "recordIds"));
    return new ElementTemplate(
        "Salesforce: Find records",
        ID_PREFIX + "find-records",
        1,
        "Look records up by "
            + "record matchers and report how many match and their Ids. Never an error for 0 or many matches: "
            + "branch on the match count with a gateway. 1 API call.",
        List.of("salesforce", "find", "lookup", "query", "matchers", "soql"),
        List.of(MATCH, OUTPUT, CONNECTION, EXECUTION),
        List.of(CommonParts.asyncBefore(), CommonParts.asyncAfter(false)),
        List.of(TemplateScope.connector(connector), CommonParts.ERROR_400));
  }

  /**
   * The four writes of {@code salesforce-record}: create, update by Id, delete by Id, native
   * upsert.
   */
  public static List<ElementTemplate> record() {
    return List.of(
        record(
            "create",
            "Salesforce: Create record",
            "Create a record of any object (POST /sobjects/{Object}). " + "No lookup: 1 API call.",
            List.of(fields(true)),
            List.of(CommonParts.ERROR_400)),
        record(
            "update",
            "Salesforce: Update record by Id",
            "Update the record with this Id (PATCH "
                + "/sobjects/{Object}/{Id}). 1 API call; 404 when the Id does not exist.",
            List.of(recordId(), fields(true)),
            List.of(CommonParts.ERROR_404, CommonParts.ERROR_400)),
        record(
            "delete",
            "Salesforce: Delete record by Id",
            "Delete the record with this Id (DELETE "
                + "/sobjects/{Object}/{Id}). 1 API call; 404 when the Id does not exist.",
            List.of(recordId()),
            List.of(CommonParts.ERROR_404, CommonParts.ERROR_400)),
        record(
            "upsert",
            "Salesforce: Upsert record by external id",
            "Create or update the record whose external "
                + "id field has this value, natively (PATCH /sobjects/{Object}/{Field}/{value}): 1 API call, no race. "
                + "300 when several records have the value.",
            List.of(
                TemplateProperty.string(
                        "External id field",
                        "API name of an external id field of the object, "
                            + "e.g. Ext__c (not Id).",
                        INPUT.id(),
                        TemplateBinding.input(RecordParameters.EXTERNAL_ID_FIELD))
                    .required()
                    .withPattern(
                        CommonParts.API_NAME, "A field API name, e.g. Ext__c, or ${expression}"),
                TemplateProperty.string(
                        "External id value",
                        "This record's value of the external id field "
                            + "(URL-encoded into the path).",
                        INPUT.id(),
                        TemplateBinding.input(RecordParameters.EXTERNAL_ID_VALUE))
                    .required()
                    .withPlaceholder("${externalId}"),
                fields(false)),
            List.of(CommonParts.ERROR_300, CommonParts.ERROR_400)));
  }

  /** The six Bulk API 2.0 steps: create job, upload, close, status, results, abort. */
  public static List<ElementTemplate> bulk() {
    List<ElementTemplate> templates = new ArrayList<>();
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_CREATE_JOB,
            "create-job",
            "Salesforce Bulk: Create job",
            "Create a Bulk API 2.0 ingest job (POST /jobs/ingest). Then upload, close, and poll its status with a "
                + "timer loop.",
            List.of(
                sobject(INPUT),
                TemplateProperty.dropdown(
                    "Job operation",
                    "What the job does with every row.",
                    INPUT.id(),
                    TemplateBinding.input(BulkParameters.OPERATION),
                    List.of(
                        new TemplateProperty.Choice("insert", "insert"),
                        new TemplateProperty.Choice("update (Id column)", "update"),
                        new TemplateProperty.Choice("upsert (external id column)", "upsert"),
                        new TemplateProperty.Choice("delete (Id column)", "delete"),
                        new TemplateProperty.Choice(
                            "hardDelete (Id column, no recycle bin)", "hardDelete"))),
                TemplateProperty.string(
                    "External id field (upsert)",
                    "API name of the external id column; upsert " + "jobs only.",
                    INPUT.id(),
                    TemplateBinding.input(BulkParameters.EXTERNAL_ID_FIELD_NAME))),
            List.of(
                output(
                    "Job Id into variable",
                    "The new job's Id (jobId).",
                    BulkParameters.JOB_ID,
                    "jobId"),
                output("State into variable", "Open.", BulkParameters.STATE, "jobState"))));
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_UPLOAD,
            "upload",
            "Salesforce Bulk: Upload data",
            "Upload the job's rows (PUT /jobs/ingest/{jobId}/batches), as CSV text or as a list of records. A failed "
                + "upload aborts the job, then fails the task.",
            List.of(
                jobId(),
                TemplateProperty.text(
                        "Records (JSON list or ${expression})",
                        "List of records (field → value). A "
                            + "field a record lacks becomes an empty cell (left unchanged); an explicit null becomes #N/A (set "
                            + "to null). Give this or CSV.",
                        INPUT.id(),
                        TemplateBinding.input(BulkParameters.RECORDS))
                    .withPlaceholder("${records}"),
                TemplateProperty.text(
                    "CSV (text or ${expression})",
                    "CSV with a header row, comma separated, LF line "
                        + "ends. Give this or Records.",
                    INPUT.id(),
                    TemplateBinding.input(BulkParameters.CSV))),
            List.of(
                output(
                    "Row count into variable",
                    "Rows uploaded (recordCount).",
                    BulkParameters.RECORD_COUNT,
                    "recordCount"))));
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_CLOSE,
            "close",
            "Salesforce Bulk: Close job",
            "Mark the upload complete (PATCH state UploadComplete): Salesforce starts processing.",
            List.of(jobId()),
            List.of(
                output(
                    "State into variable", "UploadComplete.", BulkParameters.STATE, "jobState"))));
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_STATUS,
            "status",
            "Salesforce Bulk: Job status",
            "Read the job's state and progress once (GET /jobs/ingest/{jobId}). Poll it with a timer loop until done; "
                + "never wait inside the task.",
            List.of(jobId()),
            List.of(
                output(
                    "Done into variable",
                    "true once the state is JobComplete, Failed or Aborted.",
                    BulkParameters.DONE,
                    "jobDone"),
                output(
                    "State into variable",
                    "Open, UploadComplete, InProgress, JobComplete, Failed or Aborted.",
                    BulkParameters.STATE,
                    "jobState"),
                output(
                    "Processed count into variable",
                    "Records processed so far.",
                    BulkParameters.NUMBER_RECORDS_PROCESSED,
                    "numberRecordsProcessed"),
                output(
                    "Failed count into variable",
                    "Records failed so far.",
                    BulkParameters.NUMBER_RECORDS_FAILED,
                    "numberRecordsFailed"),
                output(
                    "Error message into variable",
                    "Salesforce's message for a failed job, else null.",
                    BulkParameters.ERROR_MESSAGE,
                    "jobErrorMessage"))));
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_RESULTS,
            "results",
            "Salesforce Bulk: Job results",
            "Fetch the per-record results of a finished job: successful, failed (with Salesforce's error) and "
                + "unprocessed records.",
            List.of(jobId()),
            List.of(
                output(
                    "Results into variable",
                    "One entry per record (outcome, result, id, created, errorCode, "
                        + "errorMessage, row) as a JSON array string.",
                    BulkParameters.RESULTS_JSON,
                    "jobResults"),
                output(
                    "Successful count into variable",
                    "Records written.",
                    BulkParameters.SUCCESSFUL_COUNT,
                    "successfulCount"),
                output(
                    "Failed count into variable",
                    "Records Salesforce rejected.",
                    BulkParameters.FAILED_COUNT,
                    "failedCount"),
                output(
                    "Unprocessed count into variable",
                    "Records Salesforce did not process.",
                    BulkParameters.UNPROCESSED_COUNT,
                    "unprocessedCount"))));
    templates.add(
        bulk(
            SalesforceConnectorIds.BULK_ABORT,
            "abort",
            "Salesforce Bulk: Abort job",
            "Abort the job (PATCH state Aborted); rows not yet processed are not written.",
            List.of(jobId()),
            List.of(output("State into variable", "Aborted.", BulkParameters.STATE, "jobState"))));
    return templates;
  }

  private static ElementTemplate record(
      String operation,
      String name,
      String description,
      List<TemplateProperty> inputs,
      List<TemplateScope> errors) {
    List<TemplateProperty> connector = new ArrayList<>();
    connector.add(CommonParts.connectorId(SalesforceConnectorIds.RECORD));
    connector.add(CommonParts.fixed(RecordParameters.OPERATION, operation));
    connector.add(sobject(INPUT));
    connector.addAll(inputs);
    connector.add(CommonParts.connection());
    connector.add(
        output(
            "Record Id into variable",
            "Id of the record written (recordId).",
            RecordParameters.RECORD_ID,
            "recordId"));
    connector.add(
        output(
            "Result into variable",
            "created, updated or deleted (result).",
            RecordParameters.RESULT,
            "result"));
    List<TemplateScope> scopes = new ArrayList<>();
    scopes.add(TemplateScope.connector(connector));
    scopes.addAll(errors);
    return new ElementTemplate(
        name,
        ID_PREFIX + "record." + operation,
        1,
        description,
        List.of("salesforce", "record", operation, "crm"),
        STEP_GROUPS,
        List.of(CommonParts.asyncBefore(), CommonParts.asyncAfter(true)),
        scopes);
  }

  private static ElementTemplate bulk(
      String connectorId,
      String slug,
      String name,
      String description,
      List<TemplateProperty> inputs,
      List<TemplateProperty> outputs) {
    List<TemplateProperty> connector = new ArrayList<>();
    connector.add(CommonParts.connectorId(connectorId));
    connector.addAll(inputs);
    connector.add(CommonParts.connection());
    connector.addAll(outputs);
    return new ElementTemplate(
        name,
        ID_PREFIX + "bulk." + slug,
        1,
        description,
        List.of("salesforce", "bulk", "bulk api 2.0", "ingest", slug),
        STEP_GROUPS,
        List.of(CommonParts.asyncBefore(), CommonParts.asyncAfter(false)),
        List.of(TemplateScope.connector(connector)));
  }

  private static TemplateProperty sobject(Group group) {
    return TemplateProperty.string(
            "Object API name (sobject)",
            "API name of the object, e.g. Lead, Contact or " + "Invoice__c.",
            group.id(),
            TemplateBinding.input(RecordParameters.SOBJECT))
        .required()
        .withPattern(
            CommonParts.API_NAME,
            "An object API name, e.g. Contact or Invoice__c, or ${expression}");
  }

  private static TemplateProperty recordId() {
    return TemplateProperty.string(
            "Record Id",
            "The record's 15- or 18-character Id.",
            INPUT.id(),
            TemplateBinding.input(RecordParameters.RECORD_ID))
        .required()
        .withPlaceholder("${recordId}");
  }

  private static TemplateProperty fields(boolean required) {
    TemplateProperty fields =
        TemplateProperty.text(
                "Fields (JSON or ${expression})",
                "Field API name → value, as "
                    + "a JSON object (expressions allowed inside) or an expression that yields a Map, JSON string or Spin JSON.",
                INPUT.id(),
                TemplateBinding.input(RecordParameters.FIELDS))
            .withPlaceholder("{\"LastName\": \"${lastName}\"}");
    return required ? fields.required() : fields;
  }

  private static TemplateProperty jobId() {
    return TemplateProperty.string(
            "Job Id",
            "The job's Id, as returned by Create job.",
            INPUT.id(),
            TemplateBinding.input(BulkParameters.JOB_ID))
        .required()
        .withValue("${jobId}");
  }
}
