package io.github.sfactions.bpmn.templates;

import java.util.List;

/**
 * One field of an element template: what the Modeler shows (label, description, control type,
 * choices, constraints, group) and where the value goes ({@link TemplateBinding}). Immutable; the
 * {@code with...} methods return changed copies.
 *
 * @param label shown above the field (null for hidden fields)
 * @param description hint shown below the field
 * @param type {@code String}, {@code Text}, {@code Hidden}, {@code Dropdown} or {@code Boolean}
 * @param value default value (String or Boolean)
 * @param placeholder example shown in an empty String or Text field
 * @param choices the options of a Dropdown
 * @param notEmpty true when the Modeler must refuse an empty value
 * @param pattern regular expression the value must match, or null
 * @param patternMessage the Modeler's message when {@code pattern} does not match
 * @param group id of the group the field is shown in
 * @param binding where the value goes
 */
public record TemplateProperty(
    String label,
    String description,
    String type,
    Object value,
    String placeholder,
    List<Choice> choices,
    boolean notEmpty,
    String pattern,
    String patternMessage,
    String group,
    TemplateBinding binding) {

  /** A Dropdown option. */
  public record Choice(String name, String value) {}

  /** A hidden, fixed value. */
  public static TemplateProperty hidden(TemplateBinding binding, String value) {
    return new TemplateProperty(
        null, null, "Hidden", value, null, List.of(), false, null, null, null, binding);
  }

  /** A one-line text field. */
  public static TemplateProperty string(
      String label, String description, String group, TemplateBinding binding) {
    return new TemplateProperty(
        label, description, "String", null, null, List.of(), false, null, null, group, binding);
  }

  /** A multi-line text field (JSON, expressions). */
  public static TemplateProperty text(
      String label, String description, String group, TemplateBinding binding) {
    return new TemplateProperty(
        label, description, "Text", null, null, List.of(), false, null, null, group, binding);
  }

  /** A checkbox (attribute bindings only). */
  public static TemplateProperty bool(
      String label, String description, String group, TemplateBinding binding, boolean value) {
    return new TemplateProperty(
        label, description, "Boolean", value, null, List.of(), false, null, null, group, binding);
  }

  /** A dropdown; the first choice is the default. */
  public static TemplateProperty dropdown(
      String label,
      String description,
      String group,
      TemplateBinding binding,
      List<Choice> choices) {
    return new TemplateProperty(
        label,
        description,
        "Dropdown",
        choices.get(0).value(),
        null,
        List.copyOf(choices),
        false,
        null,
        null,
        group,
        binding);
  }

  /** This property with a default value. */
  public TemplateProperty withValue(Object newValue) {
    return new TemplateProperty(
        label,
        description,
        type,
        newValue,
        placeholder,
        choices,
        notEmpty,
        pattern,
        patternMessage,
        group,
        binding);
  }

  /** This property with an example shown while it is empty. */
  public TemplateProperty withPlaceholder(String newPlaceholder) {
    return new TemplateProperty(
        label,
        description,
        type,
        value,
        newPlaceholder,
        choices,
        notEmpty,
        pattern,
        patternMessage,
        group,
        binding);
  }

  /** This property, required ({@code constraints.notEmpty}). */
  public TemplateProperty required() {
    return new TemplateProperty(
        label,
        description,
        type,
        value,
        placeholder,
        choices,
        true,
        pattern,
        patternMessage,
        group,
        binding);
  }

  /** This property with a pattern constraint. */
  public TemplateProperty withPattern(String regex, String message) {
    return new TemplateProperty(
        label,
        description,
        type,
        value,
        placeholder,
        choices,
        notEmpty,
        regex,
        message,
        group,
        binding);
  }
}
