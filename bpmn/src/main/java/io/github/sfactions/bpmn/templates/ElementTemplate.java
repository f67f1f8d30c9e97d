package io.github.sfactions.bpmn.templates;

import java.util.List;

/**
 * A Camunda 7 element template for a service task that calls one of our connectors.
 *
 * @param name shown in the Modeler's template list, e.g. {@code Salesforce: Upsert Lead}
 * @param id stable id written into diagrams ({@code camunda:modelerTemplate})
 * @param version template version ({@code camunda:modelerTemplateVersion})
 * @param description what the task does
 * @param keywords search keywords
 * @param groups property groups in display order
 * @param properties element attributes (async flags)
 * @param scopes the connector and the errors it throws
 */
public record ElementTemplate(
    String name,
    String id,
    int version,
    String description,
    List<String> keywords,
    List<Group> groups,
    List<TemplateProperty> properties,
    List<TemplateScope> scopes) {

  /** A group of fields in the properties panel. */
  public record Group(String id, String label) {}

  /** The template always applies to tasks and turns them into service tasks. */
  public static final String APPLIES_TO = "bpmn:Task";

  /** Element type the template sets. */
  public static final String ELEMENT_TYPE = "bpmn:ServiceTask";
}
