package io.github.sfactions.bpmn.templates;

import java.util.List;

/**
 * A scope of an element template: the {@code camunda:Connector} of the service task, or a {@code
 * bpmn:Error} definition the template adds to the diagram so that error boundary events can refer
 * to it.
 *
 * @param type {@link #CONNECTOR} or {@link #ERROR}
 * @param id the element id (errors only)
 * @param properties the scope's properties
 */
public record TemplateScope(String type, String id, List<TemplateProperty> properties) {

  /** Scope type of the connector. */
  public static final String CONNECTOR = "camunda:Connector";

  /** Scope type of an error definition. */
  public static final String ERROR = "bpmn:Error";

  /** The connector scope. */
  public static TemplateScope connector(List<TemplateProperty> properties) {
    return new TemplateScope(CONNECTOR, null, List.copyOf(properties));
  }

  /** A {@code bpmn:Error} with this id, code, name and message. */
  public static TemplateScope error(String id, String errorCode, String name, String message) {
    return new TemplateScope(
        ERROR,
        id,
        List.of(
            TemplateProperty.hidden(TemplateBinding.property("errorCode"), errorCode),
            TemplateProperty.hidden(TemplateBinding.property("name"), name),
            TemplateProperty.hidden(TemplateBinding.property("camunda:errorMessage"), message)));
  }
}
