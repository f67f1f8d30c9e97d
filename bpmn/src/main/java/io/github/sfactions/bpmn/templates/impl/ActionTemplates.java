package io.github.sfactions.bpmn.templates.impl;

import static io.github.sfactions.bpmn.templates.impl.CommonParts.BULK;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.CONNECTION;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.DELIVERY;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.EXECUTION;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.FIELDS;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.MATCH;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.OUTPUT;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.fixed;
import static io.github.sfactions.bpmn.templates.impl.CommonParts.output;

import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.action.Operation;
import io.github.sfactions.action.StandardField;
import io.github.sfactions.bpmn.bulk.MicroBatchVariables;
import io.github.sfactions.bpmn.templates.ElementTemplate;
import io.github.sfactions.bpmn.templates.TemplateBinding;
import io.github.sfactions.bpmn.templates.TemplateProperty;
import io.github.sfactions.bpmn.templates.TemplateScope;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Templates of the six action connectors: one per object × V1 operation / V2 sync mode, plus a
 * "(Bulk API)" template for each operation the Bulk API supports (create/add, update, upsert),
 * whose bulk fields appear only there. Object and operation are hidden inputs; the fields, their
 * required marks and descriptions come from the connector's own model ({@link ActionType}, {@link
 * Operation}).
 */
public final class ActionTemplates {

  /** V1 ({@code operation}) or V2 ({@code syncMode}). */
  public enum Flavour {
    V1(ActionParameters.OPERATION, "Salesforce: ", "v1"),
    V2(ActionParameters.SYNC_MODE, "Salesforce V2: ", "v2");

    private final String input;
    private final String namePrefix;
    private final String idPart;

    Flavour(String input, String namePrefix, String idPart) {
      this.input = input;
      this.namePrefix = namePrefix;
      this.idPart = idPart;
    }

    String value(Operation operation) {
      return this == V1 ? operation.v1Name() : operation.v2Name();
    }
  }

  /** Input variable of the "Await bulk outcome" process: the queue entry to wait for. */
  static final String BULK_ENTRY_VARIABLE = "sfBulkEntryId";

  private ActionTemplates() {}

  /** Every template of the action connector for {@code type}: V1 and V2, REST then Bulk API. */
  public static List<ElementTemplate> of(ActionType type) {
    List<ElementTemplate> templates = new ArrayList<>();
    for (Flavour flavour : Flavour.values()) {
      for (Operation operation : Operation.values()) {
        templates.add(template(type, flavour, operation, false));
      }
    }
    for (Flavour flavour : Flavour.values()) {
      for (Operation operation : Operation.values()) {
        if (operation != Operation.DELETE) {
          templates.add(template(type, flavour, operation, true));
        }
      }
    }
    return templates;
  }

  /** The connector id of an action. */
  public static String connectorId(ActionType type) {
    return switch (type) {
      case LEAD -> SalesforceConnectorIds.LEAD;
      case ACCOUNT -> SalesforceConnectorIds.ACCOUNT;
      case CONTACT -> SalesforceConnectorIds.CONTACT;
      case OPPORTUNITY -> SalesforceConnectorIds.OPPORTUNITY;
      case CASE -> SalesforceConnectorIds.CASE;
      case CUSTOM_OBJECT -> SalesforceConnectorIds.CUSTOM_OBJECT;
    };
  }

  private static ElementTemplate template(
      ActionType type, Flavour flavour, Operation operation, boolean bulk) {
    String object = type.sobject().orElse("Custom Object");
    String verb = capitalize(flavour.value(operation));
    String slug = connectorId(type).substring("salesforce-".length());
    String id =
        "io.github.sfactions.salesforce."
            + slug
            + "."
            + flavour.idPart
            + "."
            + flavour.value(operation)
            + (bulk ? ".bulk" : "");
    String name = flavour.namePrefix + verb + " " + object + (bulk ? " (Bulk API)" : "");

    List<TemplateProperty> connector = new ArrayList<>();
    connector.add(CommonParts.connectorId(connectorId(type)));
    connector.add(fixed(flavour.input, flavour.value(operation)));
    if (bulk) {
      connector.add(fixed(ActionParameters.USE_BULK_API, "true"));
    }
    if (type.isCustomObject()) {
      connector.add(
          TemplateProperty.string(
                  "Object API name (sobject)",
                  "API name of the object, e.g. "
                      + "Invoice__c. "
                      + ActionMessages.MISSING_SOBJECT
                      + " when empty.",
                  FIELDS.id(),
                  TemplateBinding.input(ActionParameters.SOBJECT))
              .required()
              .withPattern(
                  CommonParts.API_NAME, "An object API name, e.g. Invoice__c, or ${expression}")
              .withPlaceholder("Invoice__c"));
    }
    if (!bulk && operation.needsLookup()) {
      connector.addAll(matcherFields(operation));
    }
    if (operation != Operation.DELETE) {
      connector.addAll(fields(type, operation, bulk));
    }
    if (bulk) {
      connector.addAll(bulkFields(operation));
    }
    if (!bulk && operation == Operation.UPSERT) {
      connector.add(
          TemplateProperty.string(
              "External id field (native upsert)",
              "Optional: API name of an "
                  + "external id field, e.g. Ext__c. Upserts in one call (PATCH /sobjects/"
                  + (type.isCustomObject() ? "{Object}" : object)
                  + "/{Field}/{value}) instead of lookup + write; the value comes from the record "
                  + "matcher or field of that name.",
              MATCH.id(),
              TemplateBinding.input(ActionParameters.EXTERNAL_ID_FIELD)));
    }
    if (!bulk) {
      connector.add(delivery(operation));
    }
    connector.add(CommonParts.connection());
    connector.addAll(outputs(type, operation, bulk));

    List<TemplateScope> scopes = new ArrayList<>();
    scopes.add(TemplateScope.connector(connector));
    if (!bulk && operation.needsLookup()) {
      scopes.add(CommonParts.ERROR_300);
    }
    if (!bulk && (operation == Operation.UPDATE || operation == Operation.DELETE)) {
      scopes.add(CommonParts.ERROR_404);
    }
    scopes.add(CommonParts.ERROR_400);

    List<ElementTemplate.Group> groups = new ArrayList<>(List.of(FIELDS));
    if (!bulk && operation.needsLookup()) {
      groups.add(0, MATCH);
    }
    groups.add(bulk ? BULK : DELIVERY);
    groups.addAll(List.of(OUTPUT, CONNECTION, EXECUTION));

    return new ElementTemplate(
        name,
        id,
        1,
        description(object, type, operation, bulk),
        List.of(
            "salesforce",
            object.toLowerCase(Locale.ROOT),
            flavour.value(operation),
            flavour.name(),
            bulk ? "bulk" : "rest",
            "crm",
            "segment"),
        groups,
        List.of(CommonParts.asyncBefore(), CommonParts.asyncAfter(!bulk)),
        scopes);
  }

  /** The delivery dropdown of a REST template: REST first (the default). */
  private static TemplateProperty delivery(Operation operation) {
    List<TemplateProperty.Choice> choices = new ArrayList<>();
    choices.add(new TemplateProperty.Choice("REST: one call now", Delivery.REST.value()));
    choices.add(
        new TemplateProperty.Choice(
            "Micro-batch: sObject Collections, seconds", Delivery.MICRO_BATCH.value()));
    String bulkNote = "";
    if (operation != Operation.DELETE) {
      choices.add(new TemplateProperty.Choice("Bulk API 2.0 job, minutes", Delivery.BULK.value()));
      bulkNote =
          operation == Operation.CREATE
              ? " Bulk API: the record is queued for a Bulk API 2.0 job, sent within minutes;"
                  + " await its outcome with \"Await bulk outcome\", which reads the queue entry Id from "
                  + BULK_ENTRY_VARIABLE
                  + "."
              : " Bulk API: queued for a Bulk API 2.0 job, sent within minutes; the job needs"
                  + " the fields of the \"(Bulk API)\" template, so use that one.";
    }
    return TemplateProperty.dropdown(
        "Delivery",
        "How the record reaches Salesforce. REST (default): one call now, the outcome right"
            + " here (recordId, or BPMN error 300/400/404). Micro-batch: the record is queued in"
            + " the engine's database and sent with others within seconds through sObject"
            + " Collections (up to 200 records per call); this task returns result queued and"
            + " the queue entry Id, and the outcome (REST's outputs, or its BPMN error) comes"
            + " from the \"Await micro-batch outcome\" call activity"
            + " ("
            + MicroBatchVariables.AWAIT_PROCESS_KEY
            + ") next."
            + bulkNote,
        DELIVERY.id(),
        TemplateBinding.input(ActionParameters.DELIVERY),
        choices);
  }

  private static List<TemplateProperty> matcherFields(Operation operation) {
    String idNote =
        operation == Operation.UPSERT
            ? " An Id matcher is looked up like any field."
            : " A matcher named Id (exact case) writes that record directly, ignoring the others.";
    return List.of(
        TemplateProperty.text(
                "Record matchers (JSON or ${expression})",
                "Field API name → value that finds the "
                    + "record: SELECT Id FROM the object WHERE each matcher, in order. Strings, numbers and booleans. "
                    + "Give a JSON object (expressions allowed inside) or an expression that yields a Map, JSON string or "
                    + "Spin JSON."
                    + idNote
                    + " Empty: 400 \""
                    + ActionMessages.UNDEFINED_LOOKUP_TRAITS
                    + "\".",
                MATCH.id(),
                TemplateBinding.input(ActionParameters.RECORD_MATCHERS))
            .required()
            .withPlaceholder("{\"Email\": \"${email}\"}"),
        TemplateProperty.dropdown(
            "Matcher operator",
            "How the matchers are joined: OR (default) finds a record "
                + "matching any of them, AND one matching all.",
            MATCH.id(),
            TemplateBinding.input(ActionParameters.RECORD_MATCHERS_OPERATOR),
            CommonParts.OPERATORS));
  }

  private static List<TemplateProperty> fields(ActionType type, Operation operation, boolean bulk) {
    List<TemplateProperty> fields = new ArrayList<>();
    boolean checksRequired =
        operation == Operation.UPSERT || operation == Operation.CREATE && !bulk;
    for (StandardField field : type.standardFields()) {
      boolean required = checksRequired && type.requiredFields().contains(field.name());
      TemplateProperty property =
          TemplateProperty.string(
              FieldDocs.label(field),
              FieldDocs.description(type, field, required),
              FIELDS.id(),
              TemplateBinding.input(field.name()));
      fields.add(required ? property.required() : property);
    }
    String otherDescription =
        "Further fields by API name → value (custom fields end in __c), as a JSON object "
            + "or an expression that yields a Map, JSON string or Spin JSON; a null value clears the field.";
    TemplateProperty other =
        TemplateProperty.text(
                "Other fields (JSON or ${expression})",
                type.isCustomObject()
                    ? otherDescription
                        + " Required: empty fails with 400 \""
                        + ActionMessages.CUSTOM_FIELDS_REQUIRED
                        + "\"."
                    : otherDescription,
                FIELDS.id(),
                TemplateBinding.input(ActionParameters.OTHER_FIELDS))
            .withPlaceholder("{\"Ext__c\": \"${externalId}\"}");
    fields.add(type.isCustomObject() ? other.required() : other);
    return fields;
  }

  private static List<TemplateProperty> bulkFields(Operation operation) {
    String queued =
        " The record is queued in the engine's database and sent with others in a Bulk API 2.0 job.";
    if (operation == Operation.UPSERT) {
      return List.of(
          TemplateProperty.text(
                  "Bulk upsert external id (JSON)",
                  "The id column of the upsert job: "
                      + "{\"externalIdName\": field API name, \"externalIdValue\": this record's value}. Empty: 400 \""
                      + ActionMessages.BULK_EXTERNAL_ID_MISSING
                      + "\"."
                      + queued,
                  BULK.id(),
                  TemplateBinding.input(ActionParameters.BULK_UPSERT_EXTERNAL_ID))
              .required()
              .withPlaceholder(
                  "{\"externalIdName\": \"Ext__c\", \"externalIdValue\": \"${externalId}\"}"));
    }
    if (operation == Operation.UPDATE) {
      return List.of(
          TemplateProperty.string(
                  "Bulk update record Id",
                  "Id of the record the update job writes. "
                      + "Empty: 400 \""
                      + ActionMessages.BULK_RECORD_ID_MISSING
                      + "\"."
                      + queued,
                  BULK.id(),
                  TemplateBinding.input(ActionParameters.BULK_UPDATE_RECORD_ID))
              .required()
              .withPlaceholder("${recordId}"));
    }
    return List.of();
  }

  private static List<TemplateProperty> outputs(
      ActionType type, Operation operation, boolean bulk) {
    String prefix =
        type.sobject()
            .map(s -> s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1))
            .orElse("record");
    List<TemplateProperty> outputs = new ArrayList<>();
    if (!bulk) {
      outputs.add(
          output(
              "Record Id into variable",
              "Process variable that receives the Id of the record " + "written (recordId).",
              ActionParameters.RECORD_ID,
              prefix + "Id"));
    }
    outputs.add(
        output(
            "Result into variable",
            "Process variable that receives the outcome (result): "
                + (bulk ? "queued." : "created, updated or deleted."),
            ActionParameters.RESULT,
            prefix + "Result"));
    if (bulk) {
      // the default is the input variable of the "Await bulk outcome" process, so a call activity
      // right after
      // the task finds the entry without a mapping
      outputs.add(
          output(
              "Queue entry Id into variable",
              "Process variable that receives the queue's id of the "
                  + "record (queueEntryId). Call \"Await bulk outcome\" (sfactions-bulk-await) next: it waits for this "
                  + "record's outcome (recordId on success, BPMN error 400 with Salesforce's error on failure).",
              ActionParameters.QUEUE_ENTRY_ID,
              BULK_ENTRY_VARIABLE));
    }
    if (!bulk) {
      // REST answers carry no queueEntryId: the expression reads it only from a queued answer
      outputs.add(
          TemplateProperty.string(
                  "Queue entry Id into variable",
                  "Process variable that receives the queue's id of the record when the"
                      + " delivery queues it (micro-batch, bulk), else null. The \"Await"
                      + " micro-batch outcome\" call activity reads "
                      + MicroBatchVariables.ENTRY_ID
                      + ".",
                  OUTPUT.id(),
                  new TemplateBinding(
                      TemplateBinding.OUTPUT_PARAMETER,
                      null,
                      "${result == 'queued' ? " + ActionParameters.QUEUE_ENTRY_ID + " : null}"))
              .withValue(MicroBatchVariables.ENTRY_ID));
    }
    if (!bulk && operation.needsLookup()) {
      outputs.add(
          output(
              "Match count into variable",
              "Process variable that receives how many records the "
                  + "lookup matched (matchCount).",
              ActionParameters.MATCH_COUNT,
              prefix + "MatchCount"));
    }
    return outputs;
  }

  private static String description(
      String object, ActionType type, Operation operation, boolean bulk) {
    String path = type.isCustomObject() ? "{Object}" : object;
    if (bulk) {
      return switch (operation) {
        case CREATE ->
            "Queue a "
                + object
                + " for a Bulk API 2.0 insert job; it waits in the engine's database "
                + "until a bulk ingest run sends it, then continues with its own outcome.";
        case UPDATE ->
            "Queue an update of the "
                + object
                + " with this record Id for a Bulk API 2.0 update job.";
        case UPSERT ->
            "Queue the " + object + " for a Bulk API 2.0 upsert job keyed by an external id.";
        case DELETE -> throw new IllegalArgumentException("the Bulk API path has no delete");
      };
    }
    return switch (operation) {
      case CREATE ->
          "Create a "
              + object
              + " (POST /sobjects/"
              + path
              + "). 1 API call; 400 when a required field "
              + "is missing or Salesforce rejects the record.";
      case UPDATE ->
          "Find the "
              + object
              + " by record matchers and update it (2 API calls; 1 with an Id "
              + "matcher). 404 when none matches, 300 when several match (nothing changed).";
      case UPSERT ->
          "Find the "
              + object
              + " by record matchers: update the single match or create it when none "
              + "matches (2 API calls; 1 with an external id field). 300 when several match (nothing changed).";
      case DELETE ->
          "Find the "
              + object
              + " by record matchers and delete it (2 API calls; 1 with an Id "
              + "matcher). 404 when none matches, 300 when several match (nothing changed).";
    };
  }

  private static String capitalize(String value) {
    return value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
  }
}
