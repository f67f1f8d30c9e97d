package io.github.sfactions.bpmn.templates;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.bpmn.templates.impl.ActionTemplates;
import io.github.sfactions.bpmn.templates.impl.StepTemplates;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Camunda Modeler element template of the project, built from the connector contract
 * (connector ids, parameter constants, the actions' fields, operations and messages): the single
 * source the JSON files under {@code src/main/resources/element-templates} are generated from
 * ({@link GenerateElementTemplates}).
 */
public final class ElementTemplates {

  /**
   * Version of {@code @camunda/element-templates-json-schema} the templates declare and are tested
   * against.
   */
  public static final String SCHEMA_VERSION = "0.22.1";

  /** The {@code $schema} of every template. */
  public static final String SCHEMA_URL =
      "https://unpkg.com/@camunda/element-templates-json-schema@"
          + SCHEMA_VERSION
          + "/resources/schema.json";

  /** Classpath folder of the generated files. */
  public static final String RESOURCE_FOLDER = "element-templates";

  private ElementTemplates() {}

  /** The templates by file name ({@code salesforce-lead.json}, ...), in a stable order. */
  public static Map<String, List<ElementTemplate>> byFile() {
    Map<String, List<ElementTemplate>> files = new LinkedHashMap<>();
    for (ActionType type : ActionType.values()) {
      files.put(ActionTemplates.connectorId(type) + ".json", ActionTemplates.of(type));
    }
    files.put(SalesforceConnectorIds.FIND_RECORDS + ".json", List.of(StepTemplates.findRecords()));
    files.put(SalesforceConnectorIds.RECORD + ".json", StepTemplates.record());
    files.put("salesforce-bulk-steps.json", StepTemplates.bulk());
    return files;
  }

  /** Every template. */
  public static List<ElementTemplate> all() {
    List<ElementTemplate> all = new ArrayList<>();
    byFile().values().forEach(all::addAll);
    return all;
  }
}
