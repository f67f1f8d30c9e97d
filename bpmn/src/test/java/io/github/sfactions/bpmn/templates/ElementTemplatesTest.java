package io.github.sfactions.bpmn.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.StandardField;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed element templates are exactly what the generator makes from the connector contract,
 * and every one is valid against the official Camunda 7 element-templates JSON schema (vendored).
 */
class ElementTemplatesTest {

  /** Set to true to rewrite the committed files from the model before comparing. */
  static final String REGENERATE = "sfactions.regenerateTemplates";

  static final String COMMAND =
      "./mvnw -B -q -pl bpmn -am test -Dtest=ElementTemplatesTest "
          + "-Dsurefire.failIfNoSpecifiedTests=false -D"
          + REGENERATE
          + "=true";
  static final Path COMMITTED = Path.of("src/main/resources", ElementTemplates.RESOURCE_FOLDER);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedFilesAreWhatTheGeneratorWrites() throws IOException {
    if (Boolean.getBoolean(REGENERATE)) {
      GenerateElementTemplates.write(COMMITTED);
    }
    Map<String, List<ElementTemplate>> expected = ElementTemplates.byFile();
    Set<String> committed;
    try (Stream<Path> files = Files.list(COMMITTED)) {
      committed =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(committed)
        .as("element template files; regenerate with: " + COMMAND)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, List<ElementTemplate>> file : expected.entrySet()) {
      assertThat(Files.readString(COMMITTED.resolve(file.getKey()), StandardCharsets.UTF_8))
          .as(file.getKey() + " differs from the generator's output; regenerate with: " + COMMAND)
          .isEqualTo(ElementTemplateJson.toJson(file.getValue()));
    }
  }

  @Test
  void theGeneratorWritesEveryFileAndRemovesOnlyItsOwnStaleOnes(@TempDir Path folder)
      throws IOException {
    Files.writeString(folder.resolve("salesforce-renamed.json"), "[]");
    Files.writeString(folder.resolve("my-own-templates.json"), "[]");

    GenerateElementTemplates.main(new String[] {folder.toString()});

    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(
                      ElementTemplates.byFile().keySet().stream(),
                      Stream.of("my-own-templates.json"))
                  .toList());
    }
    assertThat(Files.readString(folder.resolve("salesforce-find-records.json")))
        .isEqualTo(ElementTemplateJson.toJson(List.of(findRecordsTemplate())))
        .endsWith("]\n");
  }

  @Test
  void everyTemplateFileIsValidAgainstTheOfficialSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/element-templates-json-schema/schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    for (Map.Entry<String, List<ElementTemplate>> file : ElementTemplates.byFile().entrySet()) {
      JsonNode json = JSON.readTree(ElementTemplateJson.toJson(file.getValue()));
      Set<ValidationMessage> errors = schema.validate(json);
      assertThat(errors).as(file.getKey()).isEmpty();
      for (JsonNode template : json) {
        assertThat(schema.validate(template)).as(template.get("name").asText()).isEmpty();
      }
    }
  }

  @Test
  void theSchemaCatchesABrokenTemplate() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/element-templates-json-schema/schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode template = JSON.readTree(ElementTemplateJson.toJson(List.of(findRecordsTemplate())));
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            template.get(0).get("scopes").get(0).get("properties").get(1))
        .put("type", "Boolean");
    assertThat(schema.validate(template)).isNotEmpty();
  }

  @Test
  void everyActionHasATemplatePerOperationAndSyncModeAndBulkWhereTheBulkApiSupportsIt() {
    List<String> names = ElementTemplates.all().stream().map(ElementTemplate::name).toList();
    for (String object :
        List.of("Lead", "Account", "Contact", "Opportunity", "Case", "Custom Object")) {
      for (String op : List.of("Create", "Update", "Upsert", "Delete")) {
        assertThat(names).contains("Salesforce: " + op + " " + object);
      }
      for (String mode : List.of("Add", "Update", "Upsert", "Delete")) {
        assertThat(names).contains("Salesforce V2: " + mode + " " + object);
      }
      assertThat(names)
          .contains(
              "Salesforce: Upsert " + object + " (Bulk API)",
              "Salesforce V2: Add " + object + " (Bulk API)",
              "Salesforce: Update " + object + " (Bulk API)");
      assertThat(names)
          .doesNotContain(
              "Salesforce: Delete " + object + " (Bulk API)",
              "Salesforce V2: Delete " + object + " (Bulk API)");
    }
    assertThat(names).doesNotHaveDuplicates();
    assertThat(ElementTemplates.all()).extracting(ElementTemplate::id).doesNotHaveDuplicates();
  }

  @Test
  void everyConnectorHasATemplate() {
    Set<String> covered =
        ElementTemplates.all().stream()
            .map(ElementTemplatesTest::connectorId)
            .collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(SalesforceConnectorIds.ALL);
  }

  @Test
  void templatesFixObjectAndOperationInHiddenInputsAndRunAsynchronously() {
    ElementTemplate upsertLead = named("Salesforce: Upsert Lead");
    assertThat(hidden(upsertLead, "connectorId")).contains(SalesforceConnectorIds.LEAD);
    assertThat(hidden(upsertLead, ActionParameters.OPERATION)).contains("upsert");
    assertThat(input(upsertLead, ActionParameters.SYNC_MODE)).isEmpty();
    assertThat(upsertLead.properties())
        .filteredOn(p -> p.binding().name().equals("camunda:asyncBefore"))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo(true));

    ElementTemplate addContact = named("Salesforce V2: Add Contact");
    assertThat(hidden(addContact, ActionParameters.SYNC_MODE)).contains("add");
    assertThat(input(addContact, ActionParameters.RECORD_MATCHERS)).isEmpty();

    ElementTemplate custom = named("Salesforce V2: Upsert Custom Object");
    assertThat(input(custom, ActionParameters.SOBJECT))
        .hasValueSatisfying(
            p -> {
              assertThat(p.type()).isEqualTo("String");
              assertThat(p.notEmpty()).isTrue();
            });
    assertThat(input(custom, ActionParameters.OTHER_FIELDS))
        .hasValueSatisfying(p -> assertThat(p.notEmpty()).isTrue());
  }

  @Test
  void requiredFieldsAreMarkedWhereTheConnectorChecksThem() {
    for (ActionType type : ActionType.values()) {
      String object = type.sobject().orElse("Custom Object");
      for (StandardField field : type.standardFields()) {
        boolean required = type.requiredFields().contains(field.name());
        assertThat(
                input(named("Salesforce: Create " + object), field.name()).orElseThrow().notEmpty())
            .isEqualTo(required);
        assertThat(
                input(named("Salesforce V2: Upsert " + object), field.name())
                    .orElseThrow()
                    .notEmpty())
            .isEqualTo(required);
        assertThat(
                input(named("Salesforce: Update " + object), field.name()).orElseThrow().notEmpty())
            .isFalse();
        assertThat(input(named("Salesforce: Delete " + object), field.name())).isEmpty();
      }
    }
    assertThat(input(named("Salesforce: Create Lead"), "LastName").orElseThrow().description())
        .contains("last_name", "Missing last_name value");
  }

  @Test
  void matchersAndTheOperatorDropdownAppearOnlyWhereALookupHappens() {
    TemplateProperty operator =
        input(named("Salesforce: Delete Case"), ActionParameters.RECORD_MATCHERS_OPERATOR)
            .orElseThrow();
    assertThat(operator.type()).isEqualTo("Dropdown");
    assertThat(operator.choices())
        .extracting(TemplateProperty.Choice::value)
        .containsExactly("OR", "AND");
    assertThat(operator.value()).isEqualTo("OR");
    assertThat(
            input(named("Salesforce: Delete Case"), ActionParameters.RECORD_MATCHERS)
                .orElseThrow()
                .notEmpty())
        .isTrue();
    assertThat(input(named("Salesforce: Create Case"), ActionParameters.RECORD_MATCHERS_OPERATOR))
        .isEmpty();
  }

  @Test
  void bulkFieldsAppearOnlyInTheBulkTemplatesThatReadThem() {
    ElementTemplate bulkUpsert = named("Salesforce: Upsert Account (Bulk API)");
    assertThat(hidden(bulkUpsert, ActionParameters.USE_BULK_API)).contains("true");
    assertThat(input(bulkUpsert, ActionParameters.BULK_UPSERT_EXTERNAL_ID))
        .hasValueSatisfying(p -> assertThat(p.notEmpty()).isTrue());
    assertThat(input(bulkUpsert, ActionParameters.BULK_UPDATE_RECORD_ID)).isEmpty();
    assertThat(
            input(
                named("Salesforce V2: Update Account (Bulk API)"),
                ActionParameters.BULK_UPDATE_RECORD_ID))
        .hasValueSatisfying(p -> assertThat(p.notEmpty()).isTrue());
    for (ElementTemplate restTemplate :
        ElementTemplates.all().stream().filter(t -> !t.name().endsWith("(Bulk API)")).toList()) {
      assertThat(inputNames(restTemplate))
          .as(restTemplate.name())
          .doesNotContain(
              ActionParameters.USE_BULK_API,
              ActionParameters.BULK_UPSERT_EXTERNAL_ID,
              ActionParameters.BULK_UPDATE_RECORD_ID);
    }
  }

  @Test
  void errorScopesDeclareTheCodesEachTemplateCanThrow() {
    assertThat(errorCodes(named("Salesforce: Update Lead"))).containsExactly("300", "404", "400");
    assertThat(errorCodes(named("Salesforce V2: Upsert Lead"))).containsExactly("300", "400");
    assertThat(errorCodes(named("Salesforce: Create Lead"))).containsExactly("400");
    assertThat(errorCodes(named("Salesforce: Find records"))).containsExactly("400");
    assertThat(errorCodes(named("Salesforce: Update record by Id"))).containsExactly("404", "400");
  }

  @Test
  void outputsMapRecordIdResultAndMatchCount() {
    assertThat(outputSources(named("Salesforce: Upsert Lead")))
        .containsExactly(
            "${recordId}",
            "${result}",
            "${result == 'queued' ? queueEntryId : null}",
            "${matchCount}");
    assertThat(outputSources(named("Salesforce V2: Add Lead (Bulk API)")))
        .containsExactly("${result}", "${queueEntryId}");
    assertThat(outputSources(named("Salesforce: Find records")))
        .containsExactly("${matchCount}", "${recordId}", "${recordIdsJson}");
  }

  @Test
  void restTemplatesOfferEveryDeliveryTheOperationHasAndBulkTemplatesNone() {
    TemplateProperty upsert = input(named("Salesforce: Upsert Lead"), "delivery").orElseThrow();
    assertThat(upsert.type()).isEqualTo("Dropdown");
    assertThat(upsert.value()).isEqualTo("rest");
    assertThat(upsert.choices())
        .extracting(TemplateProperty.Choice::value)
        .containsExactly("rest", "microBatch", "bulk");
    assertThat(upsert.description())
        .contains(
            "one call now", "sObject Collections", "Await micro-batch outcome", "Bulk API 2.0");
    assertThat(input(named("Salesforce V2: Delete Contact"), "delivery").orElseThrow().choices())
        .extracting(TemplateProperty.Choice::value)
        .containsExactly("rest", "microBatch");
    assertThat(input(named("Salesforce V2: Add Lead (Bulk API)"), "delivery")).isEmpty();
  }

  private static ElementTemplate findRecordsTemplate() {
    return named("Salesforce: Find records");
  }

  static ElementTemplate named(String name) {
    return ElementTemplates.all().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template named " + name));
  }

  static List<TemplateProperty> connectorProperties(ElementTemplate template) {
    return template.scopes().stream()
        .filter(s -> s.type().equals(TemplateScope.CONNECTOR))
        .flatMap(s -> s.properties().stream())
        .toList();
  }

  static Optional<TemplateProperty> input(ElementTemplate template, String name) {
    return connectorProperties(template).stream()
        .filter(
            p ->
                p.binding().type().equals(TemplateBinding.INPUT_PARAMETER)
                    && p.binding().name().equals(name))
        .findFirst();
  }

  private static List<String> inputNames(ElementTemplate template) {
    return connectorProperties(template).stream()
        .filter(p -> p.binding().type().equals(TemplateBinding.INPUT_PARAMETER))
        .map(p -> p.binding().name())
        .toList();
  }

  private static Optional<Object> hidden(ElementTemplate template, String name) {
    return connectorProperties(template).stream()
        .filter(p -> p.type().equals("Hidden") && name.equals(p.binding().name()))
        .map(TemplateProperty::value)
        .findFirst();
  }

  private static String connectorId(ElementTemplate template) {
    return hidden(template, "connectorId").map(Object::toString).orElseThrow();
  }

  private static List<Object> errorCodes(ElementTemplate template) {
    List<Object> codes = new ArrayList<>();
    template.scopes().stream()
        .filter(s -> s.type().equals(TemplateScope.ERROR))
        .forEach(
            s ->
                s.properties().stream()
                    .filter(p -> p.binding().name().equals("errorCode"))
                    .forEach(p -> codes.add(p.value())));
    return codes;
  }

  private static List<String> outputSources(ElementTemplate template) {
    return connectorProperties(template).stream()
        .filter(p -> p.binding().type().equals(TemplateBinding.OUTPUT_PARAMETER))
        .map(p -> p.binding().source())
        .toList();
  }
}
