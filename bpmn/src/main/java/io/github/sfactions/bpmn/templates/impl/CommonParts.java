package io.github.sfactions.bpmn.templates.impl;

import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.bpmn.templates.ElementTemplate.Group;
import io.github.sfactions.bpmn.templates.TemplateBinding;
import io.github.sfactions.bpmn.templates.TemplateProperty;
import io.github.sfactions.bpmn.templates.TemplateScope;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.SalesforceErrorCodes;
import java.util.List;

/** Groups, execution flags, connection field, outputs and error scopes shared by every template. */
public final class CommonParts {

  public static final Group MATCH = new Group("match", "Record matchers");
  public static final Group FIELDS = new Group("fields", "Fields");
  public static final Group BULK = new Group("bulk", "Bulk API");
  public static final Group DELIVERY = new Group("delivery", "Delivery");
  public static final Group INPUT = new Group("input", "Input");
  public static final Group OUTPUT = new Group("output", "Result");
  public static final Group CONNECTION = new Group("connection", "Connection");
  public static final Group EXECUTION = new Group("execution", "Retries & transactions");

  /** {@code bpmn:Error} 300: several records match. */
  public static final TemplateScope ERROR_300 =
      TemplateScope.error(
          "Error_Salesforce_300",
          SalesforceErrorCodes.MULTIPLE_MATCHES,
          "Salesforce: several records match (nothing changed)",
          ActionMessages.MULTIPLE_RECORDS);

  /** {@code bpmn:Error} 404: no record matches. */
  public static final TemplateScope ERROR_404 =
      TemplateScope.error(
          "Error_Salesforce_404",
          SalesforceErrorCodes.NOT_FOUND,
          "Salesforce: no record found",
          ActionMessages.NO_RECORD_FOUND);

  /** {@code bpmn:Error} 400: the record was rejected. */
  public static final TemplateScope ERROR_400 =
      TemplateScope.error(
          "Error_Salesforce_400",
          SalesforceErrorCodes.REJECTED,
          "Salesforce: record rejected",
          "Missing required field, invalid matcher or operator, or Salesforce validation (see sfErrorCode)");

  /** Matcher operator choices, OR first (the default). */
  public static final List<TemplateProperty.Choice> OPERATORS =
      List.of(
          new TemplateProperty.Choice("OR: any matcher", "OR"),
          new TemplateProperty.Choice("AND: every matcher", "AND"));

  /**
   * Regular expression of a Salesforce object or field API name, or an expression that yields one.
   */
  public static final String API_NAME = "^([A-Za-z][A-Za-z0-9_]*|\\$\\{.+\\})$";

  private CommonParts() {}

  /**
   * {@code camunda:asyncBefore}, on: the call runs in a job with retries and an incident when they
   * run out.
   */
  public static TemplateProperty asyncBefore() {
    return TemplateProperty.bool(
        "Asynchronous before (retries, incidents)",
        "Runs the Salesforce call in a job: "
            + "a technical failure (5xx, 429, timeout) is retried and becomes an incident in Cockpit when retries run "
            + "out. Set the retry cycle under Asynchronous continuations or with the engine's failedJobRetryTimeCycle.",
        EXECUTION.id(),
        TemplateBinding.property("camunda:asyncBefore"),
        true);
  }

  /**
   * {@code camunda:asyncAfter}: on for writes, so a later failure never repeats a write that
   * succeeded.
   */
  public static TemplateProperty asyncAfter(boolean on) {
    return TemplateProperty.bool(
        "Asynchronous after (commit the result)",
        "Commits right after the call, so a "
            + "failure later in the process never repeats a Salesforce write that already succeeded.",
        EXECUTION.id(),
        TemplateBinding.property("camunda:asyncAfter"),
        on);
  }

  /** The optional {@code connection} input. */
  public static TemplateProperty connection() {
    return TemplateProperty.string(
        "Connection",
        "Name of a configured Salesforce connection (several orgs). "
            + "Empty: the connection named default.",
        CONNECTION.id(),
        TemplateBinding.input(ActionParameters.CONNECTION));
  }

  /**
   * An output mapping of {@code responseParameter} into the variable the user names (default
   * given).
   */
  public static TemplateProperty output(
      String label, String description, String responseParameter, String defaultVariable) {
    return TemplateProperty.string(
            label, description, OUTPUT.id(), TemplateBinding.output(responseParameter))
        .withValue(defaultVariable);
  }

  /** A hidden input with a fixed value. */
  public static TemplateProperty fixed(String input, String value) {
    return TemplateProperty.hidden(TemplateBinding.input(input), value);
  }

  /** The hidden connector id. */
  public static TemplateProperty connectorId(String id) {
    return TemplateProperty.hidden(TemplateBinding.property("connectorId"), id);
  }
}
