package io.github.sfactions.bpmn.templates;

/**
 * Where a template property's value goes in the BPMN XML (Camunda 7 element templates): an
 * attribute of the element ({@code property}), a connector input ({@code camunda:inputParameter})
 * or a connector output mapping ({@code camunda:outputParameter}, whose {@code source} is the
 * expression and whose value is the variable name).
 *
 * @param type the binding type
 * @param name attribute or input name (null for outputs)
 * @param source the output's source expression (outputs only)
 */
public record TemplateBinding(String type, String name, String source) {

  /** Binding type of element attributes and scope properties. */
  public static final String PROPERTY = "property";

  /** Binding type of connector inputs. */
  public static final String INPUT_PARAMETER = "camunda:inputParameter";

  /** Binding type of connector output mappings. */
  public static final String OUTPUT_PARAMETER = "camunda:outputParameter";

  /**
   * An attribute such as {@code camunda:asyncBefore}, or {@code connectorId} inside the connector
   * scope.
   */
  public static TemplateBinding property(String name) {
    return new TemplateBinding(PROPERTY, name, null);
  }

  /** A connector input parameter. */
  public static TemplateBinding input(String name) {
    return new TemplateBinding(INPUT_PARAMETER, name, null);
  }

  /** A connector output mapping from {@code ${responseParameter}}. */
  public static TemplateBinding output(String responseParameter) {
    return new TemplateBinding(OUTPUT_PARAMETER, null, "${" + responseParameter + "}");
  }
}
